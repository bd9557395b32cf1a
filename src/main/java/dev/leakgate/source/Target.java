package dev.leakgate.source;

/**
 * Bytes to scan, where they are shown ({@code path}, repository-relative with '/' in git modes)
 * and where they come from ({@code commit}, null outside git). {@code addedLines} restricts the
 * rules to the lines a change adds; null means every line counts. {@code blobId} lets the
 * pipeline scan identical content once.
 */
public record Target(String path, byte[] content, String commit, LineSet addedLines, String blobId) {

    public static Target file(String path, byte[] content) {
        return new Target(path, content, null, null, null);
    }
}
