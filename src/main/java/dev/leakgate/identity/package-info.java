/**
 * age identities (X25519, ssh-ed25519, ssh-rsa, scrypt passphrases) read as {@code age -i} reads them, and
 * the file-key unwrapping each does, exactly as the age reference implementation (filippo.io/age and its
 * agessh package) does it. Crypto comes from the JDK (X25519, ChaCha20-Poly1305, HMAC-SHA-256, RSA-OAEP)
 * and Bouncy Castle (scrypt, OpenSSH private key blobs).
 *
 * <p>Key material never leaves these classes in a message: exceptions name the file and line at fault and
 * carry no cause that could quote a key, and no class here has a {@code toString} that shows a key.
 */
package dev.leakgate.identity;
