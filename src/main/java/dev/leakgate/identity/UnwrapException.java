package dev.leakgate.identity;

/**
 * A stanza of an identity's own type that age refuses outright (a malformed share, a low-order point, a
 * wrapped key of the wrong size, an RSA block that does not decrypt, scrypt beside other stanzas or over the
 * work-factor cap): age fails the whole file rather than trying the next stanza. The message says which rule
 * was broken, never a key.
 */
public final class UnwrapException extends Exception {
    public UnwrapException(String message) {
        super(message, null, false, false);
    }
}
