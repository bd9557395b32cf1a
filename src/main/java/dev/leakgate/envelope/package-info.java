/**
 * Keyless structural validators for encrypted envelopes: age v1 files (binary and armored) and sops files
 * (YAML, JSON, dotenv, INI and binary stores). They answer "is this a well-formed envelope with nothing left
 * in clear?" without any identity, so they cannot see a wrong MAC, a bad AEAD tag or a value moved between
 * keys; see {@code envelopes.md} (A.5, B.8) for exactly what is and is not decidable.
 *
 * <p>Entry points: {@link dev.leakgate.envelope.EnvelopeValidator#check} for a file, and
 * {@link dev.leakgate.envelope.SopsCreationRules} for recipient drift against {@code .sops.yaml}. Messages
 * name positions and key paths, never a value, a ciphertext or a recipient.
 */
package dev.leakgate.envelope;
