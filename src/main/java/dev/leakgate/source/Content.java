package dev.leakgate.source;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Shared facts about content, for every source. */
public final class Content {
    /** Like git: a NUL byte in the first 8 KiB means binary. */
    public static final int BINARY_PROBE = 8000;
    public static final long DEFAULT_MAX_SIZE = 10L * 1024 * 1024;
    /**
     * Files under a secrets path are read up to this size whatever {@code --max-file-size} says:
     * the gate must prove each is an envelope, so it may not skip one. Past it, the run fails.
     */
    public static final long ENVELOPE_MAX_SIZE = 256L * 1024 * 1024;

    /**
     * The one line for a secrets file too large to check: failing closed, never a pass.
     * {@code size} -1: a stream, known only to be larger.
     */
    public static SourceException tooLargeForEnvelope(String path, long size) {
        return new SourceException("cannot check " + path + " as an envelope: "
                + (size < 0 ? "more than " + ENVELOPE_MAX_SIZE : size) + " bytes is over the "
                + (ENVELOPE_MAX_SIZE >> 20) + " MiB limit for files under a secrets path");
    }

    private Content() {
    }

    /**
     * What the rules read of {@code raw}, in every mode: text as it is; text behind a byte-order
     * mark (UTF-8, UTF-16, UTF-32) as UTF-8 without the mark, so a secret in a file a Windows
     * editor saved is found and its line (and column) are the ones the editor shows; binary as it
     * is, since the detector works on bytes and a secret in a binary is still published (as Nosey
     * Parker scans it). Content whose mark is not followed by text in that encoding is read as it
     * is. Returns {@code raw} itself unless there is a mark, so the common case costs a few
     * comparisons.
     */
    public static byte[] forRules(byte[] raw) {
        if (raw.length < 2) {
            return raw;
        }
        int b0 = raw[0] & 0xff;
        int b1 = raw[1] & 0xff;
        if (b0 == 0xEF && b1 == 0xBB && raw.length >= 3 && (raw[2] & 0xff) == 0xBF) {
            return Arrays.copyOfRange(raw, 3, raw.length);
        }
        if (raw.length >= 4 && b0 == 0xFF && b1 == 0xFE && raw[2] == 0 && raw[3] == 0) {
            return decode(raw, 4, "UTF-32LE"); // before UTF-16LE, whose mark it starts with
        }
        if (raw.length >= 4 && b0 == 0 && b1 == 0 && (raw[2] & 0xff) == 0xFE && (raw[3] & 0xff) == 0xFF) {
            return decode(raw, 4, "UTF-32BE");
        }
        if (b0 == 0xFF && b1 == 0xFE) {
            return decode(raw, 2, "UTF-16LE");
        }
        if (b0 == 0xFE && b1 == 0xFF) {
            return decode(raw, 2, "UTF-16BE");
        }
        return raw;
    }

    private static byte[] decode(byte[] raw, int skip, String charset) {
        try {
            CharBuffer text = Charset.forName(charset).newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw, skip, raw.length - skip));
            ByteBuffer utf8 = StandardCharsets.UTF_8.encode(text);
            byte[] out = new byte[utf8.remaining()];
            utf8.get(out);
            return out;
        } catch (CharacterCodingException e) {
            return raw; // a binary that happens to start like a mark: its bytes as they are
        }
    }

    /**
     * Like git: a NUL byte in the first 8 KiB. Binary content is scanned all the same; this only
     * says whether comparing it line by line makes sense.
     */
    public static boolean isBinary(byte[] bytes, int length) {
        int n = Math.min(length, BINARY_PROBE);
        for (int i = 0; i < n; i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        return false;
    }
}
