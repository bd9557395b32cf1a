package dev.leakgate.detect;

/**
 * The entropy floor of the generic rules, by alphabet: random hex cannot exceed 4 bits/char, so
 * the 3.5 floor that suits base62/base64 values would drop about one in five genuine 32-hex
 * secrets. Hex values get 3.0 but must be 32+ digits (shorter hex is ids and short digests).
 */
public final class GenericEntropy {
    static final double FLOOR = 3.5;
    static final double HEX_FLOOR = 3.0;
    static final int HEX_MIN_LENGTH = 32;

    private GenericEntropy() {
    }

    public static boolean valid(String value) {
        double h = Entropy.shannon(value);
        if (isHex(value)) {
            return value.length() >= HEX_MIN_LENGTH ? h >= HEX_FLOOR : h >= FLOOR;
        }
        return h >= FLOOR;
    }

    static boolean isHex(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
                return false;
            }
        }
        return !s.isEmpty();
    }
}
