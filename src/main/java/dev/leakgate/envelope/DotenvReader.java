package dev.leakgate.envelope;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the sops dotenv store as sops does: one {@code KEY=VALUE} per line split at the first '=' (the key
 * keeps everything before it, spaces included), {@code #} comment lines, blank lines skipped, {@code \n}
 * escapes in values. Keys starting with {@code sops_} are the flattened metadata.
 */
final class DotenvReader {
    static final String METADATA_PREFIX = "sops_";

    private DotenvReader() {
    }

    static SopsDocument read(byte[] bytes) throws ProblemException {
        String[] lines = Utf8.decode(bytes, "the dotenv file").split("\n", -1);
        SopsTree.Mapping data = new SopsTree.Mapping(1);
        List<SopsFlattening.Flat> metadata = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            int lineNo = i + 1;
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("#")) {
                data.items.add(SopsTree.Item.comment(line.substring(1), lineNo));
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0) {
                // sops stops loading here too ("invalid dotenv input line").
                throw new ProblemException("not-parseable",
                        EnvelopeValidator.NOT_AN_ENVELOPE + "dotenv line " + lineNo + " has no '='", lineNo);
            }
            String key = line.substring(0, eq);
            String value = line.substring(eq + 1).replace("\\n", "\n");
            if (key.startsWith(METADATA_PREFIX)) {
                metadata.add(new SopsFlattening.Flat(key.substring(METADATA_PREFIX.length()), value, lineNo));
            } else {
                data.items.add(SopsTree.Item.entry(key, new SopsTree.Scalar(SopsTree.Kind.STRING, value, lineNo), lineNo));
            }
        }
        if (metadata.isEmpty()) {
            return new SopsDocument(List.of(data), null, null);
        }
        return new SopsDocument(List.of(data), SopsFlattening.unflatten(metadata), metadata.get(0).line());
    }
}
