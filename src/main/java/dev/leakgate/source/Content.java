package dev.leakgate.source;

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
