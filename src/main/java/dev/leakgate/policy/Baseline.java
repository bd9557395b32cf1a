package dev.leakgate.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Findings accepted earlier: a JSON report (typically written with --write-baseline). An entry
 * accepts its value (rule and fingerprint) wherever it is found, or, in a baseline written with
 * {@code "baselineMatch": "value-and-path"}, only at the path it was found at, so the same value
 * copied into a new file is reported again. Remembers which entries matched, so a run can say
 * which no longer match anything (fixed, rotated, or moved).
 */
public final class Baseline {
    /** The top-level key of a baseline report that says how its entries match. */
    public static final String MATCH_KEY = "baselineMatch";

    /** How entries match findings. */
    public enum Match {
        VALUE("value"), VALUE_AND_PATH("value-and-path");

        private final String key;

        Match(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }

        static Match of(String key) {
            for (Match m : values()) {
                if (m.key.equals(key)) {
                    return m;
                }
            }
            return null;
        }
    }

    /** One accepted finding: its fingerprint and, when bound, its path. */
    public record Entry(String fingerprint, String path) {
        /** How a person finds it again: the path (or the fingerprint when the entry has none). */
        public String shown() {
            return path != null ? path + " (" + fingerprint + ")" : fingerprint;
        }
    }

    public static final Baseline NONE = new Baseline(null, Match.VALUE, List.of());

    private final Path file;
    private final Match match;
    private final List<Entry> entries;
    /** fingerprint -> the entries with it (one per path when bound). */
    private final Map<String, List<Entry>> byFingerprint = new HashMap<>();
    private final Set<Entry> used = ConcurrentHashMap.newKeySet();

    Baseline(Path file, Match match, List<Entry> entries) {
        this.file = file;
        this.match = match;
        this.entries = List.copyOf(entries);
        for (Entry e : this.entries) {
            byFingerprint.computeIfAbsent(e.fingerprint(), k -> new ArrayList<>()).add(e);
        }
    }

    /** The baseline file, or null when there is none. */
    public Path file() {
        return file;
    }

    public boolean isEmpty() {
        return entries.isEmpty() && file == null;
    }

    public Match match() {
        return match;
    }

    /** Whether this baseline accepts a finding of this fingerprint at this path; counts the entry as used. */
    public boolean accepts(String fingerprint, String path) {
        List<Entry> es = byFingerprint.get(fingerprint);
        if (es == null) {
            return false;
        }
        for (Entry e : es) {
            if (match == Match.VALUE || e.path() == null || e.path().equals(path)) {
                used.add(e);
                return true;
            }
        }
        return false;
    }

    /** The entries that accepted nothing in this run, in file order. */
    public List<Entry> unused() {
        List<Entry> out = new ArrayList<>();
        for (Entry e : entries) {
            if (!used.contains(e)) {
                out.add(e);
            }
        }
        return out;
    }

    /** Reads a baseline: a leakgate JSON report; its findings' fingerprints (and paths, when bound) are accepted. */
    static Baseline read(Path file, ObjectMapper json) {
        JsonNode root;
        try {
            root = json.readTree(file.toFile());
        } catch (IOException e) {
            throw new ConfigException(file + ": baseline is not a readable leakgate JSON report");
        }
        return of(file, file.toString(), root);
    }

    /**
     * A baseline read from bytes that are not a file on disk (the published tree's copy, which the
     * publish gate trusts instead of the work tree's); {@code shownAs} names it in errors.
     */
    static Baseline read(Path file, String shownAs, byte[] bytes, ObjectMapper json) {
        JsonNode root;
        try {
            root = json.readTree(bytes);
        } catch (IOException e) {
            throw new ConfigException(shownAs + ": baseline is not a readable leakgate JSON report");
        }
        return of(file, shownAs, root);
    }

    private static Baseline of(Path file, String shownAs, JsonNode root) {
        JsonNode findings = root == null ? null : root.get("findings");
        if (findings == null || !findings.isArray()) {
            throw new ConfigException(shownAs + ": baseline has no \"findings\" array (write one with --write-baseline FILE)");
        }
        Match match = Match.VALUE;
        JsonNode m = root.get(MATCH_KEY);
        if (m != null && !m.isNull()) {
            match = m.isTextual() ? Match.of(m.asText()) : null;
            if (match == null) {
                throw new ConfigException(shownAs + ": " + MATCH_KEY + ": expected \"value\" or \"value-and-path\"");
            }
        }
        List<Entry> entries = new ArrayList<>();
        Set<Entry> seen = new java.util.HashSet<>();
        for (JsonNode f : findings) {
            JsonNode fp = f.get("fingerprint");
            JsonNode path = f.get("path");
            if (fp != null && fp.isTextual()) {
                Entry e = new Entry(fp.asText(), match == Match.VALUE_AND_PATH && path != null && path.isTextual()
                        ? path.asText() : null);
                if (seen.add(e)) {
                    entries.add(e);
                }
            }
        }
        return new Baseline(file, match, entries);
    }
}
