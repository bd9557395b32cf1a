package dev.leakgate.source;

/** Input that cannot be read (exit 3); the message says what and, where possible, how to fix it. */
public final class SourceException extends RuntimeException {
    public SourceException(String message) {
        super(message);
    }

    public SourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
