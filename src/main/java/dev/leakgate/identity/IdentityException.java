package dev.leakgate.identity;

/** An identity file or passphrase that cannot be used. The message names the file and line, never its content. */
public final class IdentityException extends Exception {
    public IdentityException(String message) {
        super(message, null, false, false);
    }
}
