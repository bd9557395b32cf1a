package dev.leakgate.detect;

/**
 * Finds base64 runs worth decoding, in one linear pass over the content: secrets are often
 * stored base64-encoded (Kubernetes Secret data, CI variables, docker config, env dumps), and no
 * rule pattern sees through that. A run is decoded once; its text is scanned by the caller and
 * never decoded again, so nesting cannot multiply work.
 *
 * <p>Costs are bounded: runs shorter than {@link #MIN_RUN} characters, runs that are hex or lack
 * mixed case (hashes, identifiers) are skipped without decoding, and once {@link #MAX_DECODED}
 * bytes have been decoded for one content the rest is not looked at.
 */
public final class Base64Runs {
    /** 32 characters = 24 bytes: enough for "user:password" pairs and the shortest tokens. */
    public static final int MIN_RUN = 32;
    /** Decoded bytes per content, whatever its size. */
    public static final int MAX_DECODED = 1 << 20;
    /** Share of printable bytes that makes decoded bytes "text". */
    public static final double MIN_PRINTABLE = 0.95;
    /** A run this long and a multiple of 4, at the end of its line, may continue on the next (wrapped base64). */
    private static final int MIN_WRAPPED_LINE = 60;

    /** Receives each run that decoded to text: its offsets in the content and the decoded bytes. */
    public interface Sink {
        void run(int start, int end, byte[] decoded);
    }

    private Base64Runs() {
    }

    public static void forEachDecoded(byte[] b, int length, Sink sink) {
        int budget = MAX_DECODED;
        int i = 0;
        while (i < length && budget > 0) {
            if (!Base64Text.isBase64Char(b[i] & 0xff)) {
                i++;
                continue;
            }
            if (i > 0 && b[i - 1] == '\\' && (b[i] == 'n' || b[i] == 'r' || b[i] == 't')) {
                i++; // the letter of a \n escape (JSON strings) is not part of the run
                continue;
            }
            int start = i;
            StringBuilder run = null;
            int end;
            while (true) {
                int s = i;
                while (i < length && Base64Text.isBase64Char(b[i] & 0xff)) {
                    i++;
                }
                int e = i;
                while (i < length && b[i] == '=' && i - e < 2) {
                    i++;
                }
                end = i;
                int next = wrappedContinuation(b, length, s, e, i);
                if (next < 0) {
                    if (run != null) {
                        append(run, b, s, end);
                    }
                    break;
                }
                if (run == null) {
                    run = new StringBuilder();
                }
                append(run, b, s, end);
                i = next;
            }
            CharSequence chars = run != null ? run : new ByteText(b, length).slice(start, end);
            if (chars.length() >= MIN_RUN && worthDecoding(chars)) {
                budget -= chars.length() * 3 / 4;
                byte[] decoded = Base64Text.decode(chars);
                if (decoded != null && decoded.length > 0
                        && Base64Text.printableShare(decoded, decoded.length) >= MIN_PRINTABLE) {
                    sink.run(start, end, decoded);
                }
            }
        }
    }

    /**
     * Where a wrapped run continues (the first base64 char of the next line), or -1: the line
     * must be long, a multiple of 4, unpadded, end right at the newline, and the next line
     * (after indentation) must start another run.
     */
    private static int wrappedContinuation(byte[] b, int length, int s, int e, int i) {
        if (e != i || e - s < MIN_WRAPPED_LINE || (e - s) % 4 != 0) {
            return -1;
        }
        int j = i;
        if (j < length && b[j] == '\r') {
            j++;
        }
        if (j >= length || b[j] != '\n') {
            return -1;
        }
        j++;
        while (j < length && (b[j] == ' ' || b[j] == '\t')) {
            j++;
        }
        return j < length && Base64Text.isBase64Char(b[j] & 0xff) ? j : -1;
    }

    private static void append(StringBuilder sb, byte[] b, int from, int to) {
        for (int k = from; k < to; k++) {
            sb.append((char) (b[k] & 0xff));
        }
    }

    /** Base64 of text mixes upper and lower case; hex digests and identifiers mostly do not. */
    static boolean worthDecoding(CharSequence s) {
        boolean upper = false;
        boolean lower = false;
        boolean nonHex = false;
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c >= 'A' && c <= 'Z') {
                upper = true;
            } else if (c >= 'a' && c <= 'z') {
                lower = true;
            }
            if (!(c >= '0' && c <= '9') && !(c >= 'a' && c <= 'f') && !(c >= 'A' && c <= 'F')) {
                nonHex = true;
            }
            if (upper && lower && nonHex) {
                return true;
            }
        }
        return false;
    }
}
