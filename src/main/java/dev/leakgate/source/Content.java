package dev.leakgate.source;

/** Shared facts about content, for every source. */
public final class Content {
    /** Like git: a NUL byte in the first 8 KiB means binary. */
    public static final int BINARY_PROBE = 8000;
    public static final long DEFAULT_MAX_SIZE = 10L * 1024 * 1024;

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
