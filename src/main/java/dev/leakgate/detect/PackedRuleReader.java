package dev.leakgate.detect;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.RandomAccess;

/**
 * The packed rule set's format: each rule's spec as the build checked it, in {@link DataOutputStream}
 * form (strings as UTF-8 bytes: decoded by the JDK's bulk path, not a char at a time), then every rule's examples in a section of their own. A pre-commit hook reads this on every
 * commit in a cold JVM: Jackson's parser over the same data cost ~40 ms there (and JIT work for
 * its methods), this a fraction; the examples, a third of the data, only `rules check` and the
 * tests read, so they are decoded on first use.
 */
final class PackedRuleReader {
    private static final int MAGIC = 0x4c475231; // "LGR1"

    // Which optional fields a rule has: one bit each, in the order they are written.
    private static final int KIND = 1, DESCRIPTION = 1 << 1, PATTERN = 1 << 2, SECRET_GROUP = 1 << 3, KEYWORDS = 1 << 4,
            ENTROPY = 1 << 5, MIN_LENGTH = 1 << 6, VALIDATOR = 1 << 7, ALLOW = 1 << 8, WINDOW = 1 << 9, GENERIC = 1 << 10,
            ANCHORED = 1 << 11, ASSIGNMENT = 1 << 12, PREFIX = 1 << 13, BODY = 1 << 14, DISTANCE = 1 << 15;

    private PackedRuleReader() {
    }

    static void write(List<PackedRule> rules, OutputStream out) throws IOException {
        ByteArrayOutputStream examples = new ByteArrayOutputStream();
        DataOutputStream ex = new DataOutputStream(examples);
        DataOutputStream d = new DataOutputStream(out);
        d.writeInt(MAGIC);
        d.writeInt(rules.size());
        for (PackedRule p : rules) {
            RuleSpec s = p.spec();
            writeLong(d, p.origin());
            d.writeInt(p.secretGroup());
            writeLong(d, s.id());
            int present = (s.kind() != null ? KIND : 0) | (s.description() != null ? DESCRIPTION : 0)
                    | (s.pattern() != null ? PATTERN : 0) | (s.secretGroup() != null ? SECRET_GROUP : 0)
                    | (s.keywords() != null ? KEYWORDS : 0) | (s.entropy() != null ? ENTROPY : 0)
                    | (s.minLength() != null ? MIN_LENGTH : 0) | (s.validator() != null ? VALIDATOR : 0)
                    | (s.allow() != null ? ALLOW : 0) | (s.window() != null ? WINDOW : 0) | (s.generic() != null ? GENERIC : 0)
                    | (s.anchored() != null ? ANCHORED : 0) | (s.assignment() != null ? ASSIGNMENT : 0)
                    | (s.prefix() != null ? PREFIX : 0) | (s.body() != null ? BODY : 0) | (s.distance() != null ? DISTANCE : 0);
            d.writeInt(present);
            if (s.kind() != null) {
                writeLong(d, s.kind());
            }
            if (s.description() != null) {
                writeLong(d, s.description());
            }
            if (s.pattern() != null) {
                writeLong(d, s.pattern());
            }
            if (s.secretGroup() != null) {
                writeLong(d, s.secretGroup());
            }
            if (s.keywords() != null) {
                writeList(d, s.keywords());
            }
            if (s.entropy() != null) {
                d.writeDouble(s.entropy());
            }
            if (s.minLength() != null) {
                d.writeInt(s.minLength());
            }
            if (s.validator() != null) {
                writeLong(d, s.validator());
            }
            if (s.allow() != null) {
                writeList(d, s.allow());
            }
            if (s.window() != null) {
                d.writeInt(s.window());
            }
            if (s.generic() != null) {
                d.writeBoolean(s.generic());
            }
            if (s.anchored() != null) {
                d.writeBoolean(s.anchored());
            }
            if (s.assignment() != null) {
                d.writeBoolean(s.assignment());
            }
            if (s.prefix() != null) {
                writeList(d, s.prefix());
            }
            if (s.body() != null) {
                writeLong(d, s.body());
            }
            if (s.distance() != null) {
                d.writeInt(s.distance());
            }
            d.writeInt(ex.size());
            writeList(ex, s.examples() == null ? List.of() : s.examples());
            writeList(ex, s.negativeExamples() == null ? List.of() : s.negativeExamples());
        }
        ex.flush();
        d.writeInt(examples.size());
        examples.writeTo(d);
        d.flush();
    }

    static List<PackedRule> read(InputStream in) throws IOException {
        byte[] all = in.readAllBytes();
        DataInputStream d = new DataInputStream(new ByteArrayInputStream(all));
        if (d.readInt() != MAGIC) {
            throw new IOException("not a packed rule set");
        }
        int n = d.readInt();
        List<PackedRule> out = new ArrayList<>(n);
        int[] exampleAt = new int[n];
        List<RuleSpec> specs = new ArrayList<>(n);
        List<String> origins = new ArrayList<>(n);
        int[] groups = new int[n];
        for (int i = 0; i < n; i++) {
            origins.add(readLong(d));
            groups[i] = d.readInt();
            String id = readLong(d);
            int present = d.readInt();
            String kind = (present & KIND) != 0 ? readLong(d) : null;
            String description = (present & DESCRIPTION) != 0 ? readLong(d) : null;
            String pattern = (present & PATTERN) != 0 ? readLong(d) : null;
            String secretGroup = (present & SECRET_GROUP) != 0 ? readLong(d) : null;
            List<String> keywords = (present & KEYWORDS) != 0 ? readList(d) : null;
            Double entropy = (present & ENTROPY) != 0 ? d.readDouble() : null;
            Integer minLength = (present & MIN_LENGTH) != 0 ? d.readInt() : null;
            String validator = (present & VALIDATOR) != 0 ? readLong(d) : null;
            List<String> allow = (present & ALLOW) != 0 ? readList(d) : null;
            Integer window = (present & WINDOW) != 0 ? d.readInt() : null;
            Boolean generic = (present & GENERIC) != 0 ? d.readBoolean() : null;
            Boolean anchored = (present & ANCHORED) != 0 ? d.readBoolean() : null;
            Boolean assignment = (present & ASSIGNMENT) != 0 ? d.readBoolean() : null;
            List<String> prefix = (present & PREFIX) != 0 ? readList(d) : null;
            String body = (present & BODY) != 0 ? readLong(d) : null;
            Integer distance = (present & DISTANCE) != 0 ? d.readInt() : null;
            exampleAt[i] = d.readInt();
            specs.add(new RuleSpec(id, kind, description, pattern, secretGroup, keywords, entropy, minLength, validator,
                    allow, window, generic, anchored, assignment, prefix, body, distance, null, null));
        }
        int sectionLength = d.readInt();
        int section = all.length - d.available();
        if (section + sectionLength != all.length) {
            throw new IOException("packed rule set: the examples section is " + sectionLength + " bytes, "
                    + (all.length - section) + " remain");
        }
        for (int i = 0; i < n; i++) {
            RuleSpec s = specs.get(i);
            Examples examples = new Examples(all, section + exampleAt[i]);
            RuleSpec withExamples = new RuleSpec(s.id(), s.kind(), s.description(), s.pattern(), s.secretGroup(), s.keywords(),
                    s.entropy(), s.minLength(), s.validator(), s.allow(), s.window(), s.generic(), s.anchored(), s.assignment(),
                    s.prefix(), s.body(), s.distance(), examples.positive(), examples.negative());
            out.add(new PackedRule(origins.get(i), withExamples, groups[i]));
        }
        return out;
    }

    /** Length and UTF-8 bytes (writeUTF would cap a string at 65,535 bytes and decode it a char at a time). */
    private static void writeLong(DataOutputStream d, String s) throws IOException {
        byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        d.writeInt(b.length);
        d.write(b);
    }

    private static String readLong(DataInputStream d) throws IOException {
        byte[] b = new byte[d.readInt()];
        d.readFully(b);
        return new String(b, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void writeList(DataOutputStream d, List<String> list) throws IOException {
        d.writeInt(list.size());
        for (String s : list) {
            writeLong(d, s);
        }
    }

    private static List<String> readList(DataInputStream d) throws IOException {
        int n = d.readInt();
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(readLong(d));
        }
        return out;
    }

    /** One rule's examples and negative examples, decoded together the first time either is read. */
    private static final class Examples {
        private final byte[] data;
        private final int at;
        private volatile List<List<String>> decoded;

        Examples(byte[] data, int at) {
            this.data = data;
            this.at = at;
        }

        List<String> positive() {
            return new Strings(this, 0);
        }

        List<String> negative() {
            return new Strings(this, 1);
        }

        List<String> get(int which) {
            List<List<String>> d = decoded;
            if (d == null) {
                try {
                    DataInputStream in = new DataInputStream(new ByteArrayInputStream(data, at, data.length - at));
                    d = decoded = List.of(List.copyOf(readList(in)), List.copyOf(readList(in)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return d.get(which);
        }
    }

    /**
     * An immutable list read on first use. Rules are compared (a detector reused for an equal rule
     * list): the same list is equal to itself without being decoded.
     */
    static final class Strings extends AbstractList<String> implements RandomAccess {
        private final Examples source;
        private final int which;

        private Strings(Examples source, int which) {
            this.source = source;
            this.which = which;
        }

        @Override
        public String get(int index) {
            return source.get(which).get(index);
        }

        @Override
        public int size() {
            return source.get(which).size();
        }

        @Override
        public boolean equals(Object o) {
            return o == this || (o instanceof Strings s && s.source == source && s.which == which) || super.equals(o);
        }

        @Override
        public int hashCode() {
            return super.hashCode();
        }
    }
}
