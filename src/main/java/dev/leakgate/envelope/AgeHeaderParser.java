package dev.leakgate.envelope;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the text header of a binary age file (version line, stanzas, MAC line) with the v1 grammar, and
 * finds where the payload starts. It stops at the first fault: past a broken line the rest cannot be framed.
 */
final class AgeHeaderParser {
    static final String VERSION_LINE = "age-encryption.org/v1";
    static final int BODY_COLUMNS = 64;
    private static final int MAC_CHARS = 43;

    /**
     * The parsed header: stanzas in order, the offset of the first payload byte, and what the header MAC
     * covers: the bytes before {@code macStart + 3} (up to and including {@code ---}), and the MAC itself.
     */
    record Header(List<AgeStanza> stanzas, int payloadOffset, int macStart, byte[] mac) {
    }

    private final byte[] data;
    /** When the header is an armor's decoded content, its lines are not lines of the file. */
    private final boolean fileLines;
    private int pos;
    private int lineNo;

    private AgeHeaderParser(byte[] data, boolean fileLines) {
        this.data = data;
        this.fileLines = fileLines;
    }

    static Header parse(byte[] data, boolean fileLines) throws ProblemException {
        return new AgeHeaderParser(data, fileLines).parse();
    }

    private Header parse() throws ProblemException {
        readVersionLine();
        List<AgeStanza> stanzas = new ArrayList<>();
        while (true) {
            int lineStart = pos;
            String line = readLine();
            if (line.startsWith("---")) {
                if (stanzas.isEmpty()) {
                    throw fault("age-bad-header", "header has no recipient stanza before the MAC line");
                }
                readMacLine(line);
                return new Header(List.copyOf(stanzas), pos, lineStart, Base64Canonical.decodeUnpadded(line.substring(4)));
            }
            if (line.startsWith("->")) {
                stanzas.add(readStanza(line, stanzas.size() + 1));
                continue;
            }
            throw fault("age-bad-header", "header line " + lineNo + " is neither a stanza ('-> ') nor the MAC line ('--- ')");
        }
    }

    private void readVersionLine() throws ProblemException {
        int lf = indexOfLf(0);
        String first = new String(data, 0, lf < 0 ? data.length : lf, StandardCharsets.ISO_8859_1);
        if (first.equals(VERSION_LINE + "\r")) {
            throw new ProblemException("age-bad-header", "header uses CRLF line ends; an age header is LF only", line(1));
        }
        if (!first.equals(VERSION_LINE)) {
            throw new ProblemException("age-bad-version", "first line is not the age v1 version line", line(1));
        }
        if (lf < 0) {
            throw new ProblemException("age-bad-header", "header truncated after the version line", line(1));
        }
        pos = lf + 1;
        lineNo = 1;
    }

    private AgeStanza readStanza(String line, int number) throws ProblemException {
        int stanzaLine = lineNo;
        if (line.equals("->")) {
            throw fault("age-bad-header", "stanza " + number + " has no type");
        }
        if (!line.startsWith("-> ")) {
            throw fault("age-bad-header", "stanza " + number + ": '->' must be followed by one space");
        }
        String[] parts = line.substring(3).split(" ", -1);
        for (String part : parts) {
            if (part.isEmpty()) {
                throw fault("age-bad-header", "stanza " + number + " has an empty argument (double, leading or trailing space)");
            }
            for (int i = 0; i < part.length(); i++) {
                char c = part.charAt(i);
                if (c < 0x21 || c > 0x7e) {
                    throw fault("age-bad-header", "stanza " + number + " has a character outside printable ASCII in an argument");
                }
            }
        }
        byte[] body = readBody(number);
        return new AgeStanza(number, stanzaLine, parts[0], List.of(Arrays.copyOfRange(parts, 1, parts.length)), body);
    }

    /** Full 64-column lines, then one shorter (possibly empty) line that ends the body. */
    private byte[] readBody(int number) throws ProblemException {
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        while (true) {
            String line = readLine();
            // '-' is not in the base64 alphabet, so these can only be the next stanza or the MAC line.
            if (line.startsWith("->") || line.startsWith("---")) {
                throw fault("age-bad-header", "stanza " + number + " body does not end with a short (under 64 columns) line");
            }
            if (line.length() > BODY_COLUMNS) {
                throw fault("age-bad-header", "stanza " + number + " body line is longer than 64 columns");
            }
            byte[] decoded = Base64Canonical.decodeUnpadded(line);
            if (decoded == null) {
                throw fault("age-bad-header", "stanza " + number + " body not canonical unpadded base64");
            }
            body.writeBytes(decoded);
            if (line.length() < BODY_COLUMNS) {
                return body.toByteArray();
            }
        }
    }

    private void readMacLine(String line) throws ProblemException {
        if (!line.startsWith("--- ")) {
            throw fault("age-bad-mac", "MAC line: '---' must be followed by one space");
        }
        String mac = line.substring(4);
        if (mac.isEmpty()) {
            throw fault("age-bad-mac", "MAC line has no MAC");
        }
        if (mac.indexOf(' ') >= 0) {
            throw fault("age-bad-mac", "MAC line has an extra space");
        }
        if (mac.length() != MAC_CHARS) {
            throw fault("age-bad-mac", "MAC is " + mac.length() + " characters; must be 43 (32 bytes, unpadded base64)");
        }
        if (Base64Canonical.decodeUnpadded(mac) == null) {
            throw fault("age-bad-mac", "MAC not canonical unpadded base64");
        }
    }

    private String readLine() throws ProblemException {
        int lf = indexOfLf(pos);
        if (lf < 0) {
            throw new ProblemException("age-bad-header", "header truncated: no MAC line", null);
        }
        String line = new String(data, pos, lf - pos, StandardCharsets.ISO_8859_1);
        pos = lf + 1;
        lineNo++;
        if (line.indexOf('\r') >= 0) {
            throw fault("age-bad-header", "header line " + lineNo + " contains a CR; an age header is LF only");
        }
        return line;
    }

    private int indexOfLf(int from) {
        for (int i = from; i < data.length; i++) {
            if (data[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private ProblemException fault(String reason, String message) {
        return new ProblemException(reason, message, line(lineNo));
    }

    private Integer line(int n) {
        return fileLines ? n : null;
    }
}
