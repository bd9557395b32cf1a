package dev.leakgate.report;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Something a run passed over without reading it whole, named so a user can see what the gate
 * did not check: {@code where} is a path (or a blob id when no path is known yet), {@code reason}
 * says why.
 */
@JsonPropertyOrder({"path", "reason"})
public record Skip(String path, Reason reason) {

    public enum Reason {
        /** Binary content where only text is scanned. */
        BINARY("binary", "binary"),
        /** Over the size limit. */
        LARGE("large", "over the size limit"),
        /** A symbolic link inside a tree that was walked (its target is not followed). */
        SYMLINK("symlink", "symlink"),
        /** A git submodule (gitlink): its content lives in another repository. */
        SUBMODULE("submodule", "submodule"),
        /** A FIFO, socket or device met while walking a tree: reading it could hang or never end. */
        SPECIAL("special", "not a regular file"),
        /** An archive inside an archive, deeper than {@code --max-archive-depth}: read as bytes, not opened. */
        ARCHIVE_DEPTH("archive-depth", "archive nested deeper than --max-archive-depth: not opened"),
        /**
         * An archive that expands past {@code --max-archive-bytes} or {@code --max-archive-entries}
         * (a zip bomb), or whose decoder asks for more memory than allowed: the rest of it is not read.
         */
        ARCHIVE_LIMIT("archive-limit", "archive past the expansion limits: the rest of it not read"),
        /** An encrypted archive or archive entry: its content cannot be read without the password. */
        ARCHIVE_ENCRYPTED("archive-encrypted", "encrypted archive content"),
        /** A corrupt or truncated archive, or a compression method not supported: what was not read of it. */
        ARCHIVE_UNREADABLE("archive-unreadable", "archive corrupt or in an unsupported form: not read inside");

        private final String code;
        private final String label;

        Reason(String code, String label) {
            this.code = code;
            this.label = label;
        }

        /** The reason as reports name it for tools: one lower-case word. */
        @JsonValue
        public String code() {
            return code;
        }

        public String label() {
            return label;
        }
    }
}
