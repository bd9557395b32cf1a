package dev.leakgate.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One thing that must not be public, as every report format shows it. It holds no secret: only
 * a fingerprint (a slow salted hash) and a redacted preview. {@code line} and {@code column} are
 * null when no single line is at fault (a whole file that is not an envelope). Every report lists
 * every field, null where it does not apply ({@code commit} outside git history, {@code column}
 * and {@code preview} on an envelope finding, the provenance counts outside an audit, {@code inBase}
 * outside a gate with a base), so tools
 * see one shape in every mode.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"ruleId", "kind", "description", "path", "line", "column", "commit", "fingerprint",
    "preview", "decoded", "otherPaths", "otherCommits", "inBase"})
public record Finding(
        String ruleId,
        String kind,
        String description,
        String path,
        Integer line,
        Integer column,
        String commit,
        String fingerprint,
        String preview,
        Boolean decoded,
        Integer otherPaths,
        Integer otherCommits,
        // gate with a base: true when the leak is already published at the base, false when the range
        // adds it; null elsewhere
        Boolean inBase) {

    public Finding(String ruleId, String kind, String description, String path, Integer line, Integer column,
            String commit, String fingerprint, String preview, Boolean decoded, Integer otherPaths, Integer otherCommits) {
        this(ruleId, kind, description, path, line, column, commit, fingerprint, preview, decoded, otherPaths,
                otherCommits, null);
    }

    public Finding {
        decoded = Boolean.TRUE.equals(decoded);
    }

    public Finding withCommit(String c) {
        return new Finding(ruleId, kind, description, path, line, column, c, fingerprint, preview, decoded,
                otherPaths, otherCommits, inBase);
    }

    public Finding withProvenance(String c, int paths, int commits) {
        return new Finding(ruleId, kind, description, path, line, column, c, fingerprint, preview, decoded,
                paths, commits, inBase);
    }

    /** Marks a gate finding the range does not add: it is already published at the base. */
    public Finding markedInBase() {
        return new Finding(ruleId, kind, description, path, line, column, commit, fingerprint, preview, decoded,
                otherPaths, otherCommits, Boolean.TRUE);
    }

    /** Marks a gate finding the range adds (not published at the base). */
    public Finding addedByRange() {
        return new Finding(ruleId, kind, description, path, line, column, commit, fingerprint, preview, decoded,
                otherPaths, otherCommits, Boolean.FALSE);
    }

    /** "path:line" or just the path. */
    public String location() {
        return line == null ? path : path + ":" + line;
    }
}
