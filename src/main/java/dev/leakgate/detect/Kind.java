package dev.leakgate.detect;

import java.util.Locale;

/** What a finding reveals; the policy decides where each kind applies. */
public enum Kind {
    /** A plaintext credential: applies everywhere. */
    SECRET,
    /** A piece of the fleet's key inventory: applies on the public surface. */
    INVENTORY,
    /** A file under a secrets path that is not a valid envelope: applies under secrets paths. */
    ENVELOPE;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Kind parse(String s) {
        for (Kind k : values()) {
            if (k.label().equals(s)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown kind '" + s + "' (secret | inventory | envelope)");
    }
}
