package dev.leakgate.envelope;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the sops INI store the way go-ini (which sops uses) does: sections, {@code key = value} or
 * {@code key: value}, {@code ;}/{@code #} comments (also inline, after an unquoted value), values in
 * {@code """…"""} or backquotes that may span lines. The {@code [sops]} section holds the flattened metadata
 * with {@code \n}-escaped values. A value's path is {@code [section, key]}; a comment belongs to the
 * section of the key or section header it stands before.
 */
final class IniReader {
    static final String METADATA_SECTION = "sops";
    static final String DEFAULT_SECTION = "DEFAULT";

    private final String[] lines;
    private final SopsTree.Mapping root = new SopsTree.Mapping(1);
    private final List<SopsFlattening.Flat> metadata = new ArrayList<>();
    /** Comments wait for what they stand before, as go-ini attaches them. */
    private final List<SopsTree.Item> pending = new ArrayList<>();
    private SopsTree.Mapping section;
    private boolean inMetadata;
    private Integer metadataLine;
    private int index;

    private IniReader(String text) {
        this.lines = text.split("\n", -1);
    }

    static SopsDocument read(byte[] bytes) throws ProblemException {
        return new IniReader(Utf8.decode(bytes, "the INI file")).parse();
    }

    private SopsDocument parse() throws ProblemException {
        for (index = 0; index < lines.length; index++) {
            int lineNo = index + 1;
            String t = lines[index].strip();
            if (t.isEmpty()) {
                continue;
            }
            if (t.startsWith("#") || t.startsWith(";")) {
                pending.add(SopsTree.Item.comment(t.substring(1), lineNo));
            } else if (t.startsWith("[")) {
                sectionHeader(t, lineNo);
            } else {
                keyLine(t, lineNo);
            }
        }
        // go-ini drops comments that stand before nothing; a gate still looks at them.
        flushPending(section != null ? section : root);
        SopsTree.Mapping meta = metadataLine == null ? null : SopsFlattening.unflatten(metadata);
        return new SopsDocument(List.of(root), meta, metadataLine);
    }

    private void sectionHeader(String t, int lineNo) throws ProblemException {
        int close = t.lastIndexOf(']');
        if (close < 0) {
            throw new ProblemException("not-parseable",
                    EnvelopeValidator.NOT_AN_ENVELOPE + "INI section header on line " + lineNo + " is not closed", lineNo);
        }
        String name = t.substring(1, close);
        String trailing = inlineComment(t.substring(close + 1));
        if (trailing != null) {
            pending.add(SopsTree.Item.comment(trailing, lineNo));
        }
        if (name.equals(METADATA_SECTION)) {
            // Comments before [sops] close the previous data section: keep them there, not in the metadata.
            flushPending(section != null ? section : root);
            inMetadata = true;
            metadataLine = lineNo;
            section = null;
            return;
        }
        inMetadata = false;
        section = new SopsTree.Mapping(lineNo);
        root.items.add(SopsTree.Item.entry(name, section, lineNo));
        flushPending(section);
    }

    private void keyLine(String t, int lineNo) throws ProblemException {
        int delimiter = indexOfAny(t, "=:");
        if (delimiter < 0) {
            throw new ProblemException("not-parseable", EnvelopeValidator.NOT_AN_ENVELOPE + "INI line " + lineNo
                    + " is neither a section, a comment nor key = value", lineNo);
        }
        String key = unquote(t.substring(0, delimiter).strip());
        String rest = t.substring(delimiter + 1).stripLeading();
        String inline = null;
        String value;
        if (rest.length() > 3 && rest.startsWith("\"\"\"")) {
            value = quoted(rest, "\"\"\"", lineNo);
        } else if (rest.startsWith("`")) {
            value = quoted(rest, "`", lineNo);
        } else {
            inline = inlineComment(rest);
            int cut = indexOfAny(rest, "#;");
            value = unquote((cut < 0 ? rest : rest.substring(0, cut)).strip());
        }
        if (inMetadata) {
            metadata.add(new SopsFlattening.Flat(key, value.replace("\\n", "\n"), lineNo));
            pending.clear();
            return;
        }
        if (section == null) {
            section = new SopsTree.Mapping(lineNo);
            root.items.add(SopsTree.Item.entry(DEFAULT_SECTION, section, lineNo));
        }
        flushPending(section);
        if (inline != null) {
            section.items.add(SopsTree.Item.comment(inline, lineNo));
        }
        section.items.add(SopsTree.Item.entry(key, new SopsTree.Scalar(SopsTree.Kind.STRING, value, lineNo), lineNo));
    }

    /** A value opened by {@code quote}: closed on the same line, or on a later one (multi-line). */
    private String quoted(String rest, String quote, int lineNo) throws ProblemException {
        int close = rest.lastIndexOf(quote);
        if (close >= quote.length()) {
            return rest.substring(quote.length(), close);
        }
        StringBuilder value = new StringBuilder(rest.substring(quote.length())).append('\n');
        for (index++; index < lines.length; index++) {
            String next = lines[index];
            int end = next.lastIndexOf(quote);
            if (end >= 0) {
                return value.append(next, 0, end).toString();
            }
            value.append(next).append('\n');
        }
        throw new ProblemException("not-parseable",
                EnvelopeValidator.NOT_AN_ENVELOPE + "INI value opened on line " + lineNo + " is never closed", lineNo);
    }

    private void flushPending(SopsTree.Mapping target) {
        target.items.addAll(pending);
        pending.clear();
    }

    private static String inlineComment(String text) {
        int at = indexOfAny(text, "#;");
        return at < 0 ? null : text.substring(at + 1);
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && (s.charAt(0) == '"' || s.charAt(0) == '\'') && s.charAt(s.length() - 1) == s.charAt(0)
                && s.indexOf(s.charAt(0), 1) == s.length() - 1) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}
