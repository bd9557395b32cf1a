package dev.leakgate.identity;

import java.util.List;

/** Something that may open an age header: an X25519 or SSH private key, or a passphrase. */
public interface Identity {
    /**
     * As age's {@code Identity.Unwrap}: the 16-byte file key from the first stanza meant for this identity.
     *
     * @return the file key, or null when no stanza is for this identity (age's {@code ErrIncorrectIdentity})
     * @throws UnwrapException when a stanza of this identity's type is one age refuses
     */
    byte[] unwrap(List<Stanza> stanzas) throws UnwrapException;

    /** Where it came from, for messages: a file and line, never the key. */
    String origin();
}
