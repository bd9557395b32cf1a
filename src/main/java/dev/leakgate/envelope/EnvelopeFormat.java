package dev.leakgate.envelope;

/**
 * What {@link EnvelopeValidator#check} took a file to be. {@code NONE} means the bytes are neither an age
 * file nor a sops file (no sops metadata where the format puts it), so nothing in them is protected.
 */
public enum EnvelopeFormat {
    AGE_BINARY, AGE_ARMORED, SOPS_YAML, SOPS_JSON, SOPS_DOTENV, SOPS_INI, SOPS_BINARY, NONE
}
