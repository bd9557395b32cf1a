package dev.leakgate.envelope;

import java.util.List;

/**
 * Shamir secret sharing over GF(2^8) as sops uses it (HashiCorp Vault's shamir package): each share is the
 * polynomials' values followed by its x coordinate; the secret is their interpolation at 0.
 */
final class Shamir {
    private Shamir() {
    }

    /** The secret behind {@code shares} (each y bytes then x); shares with a repeated x give garbage, as in Vault. */
    static byte[] combine(List<byte[]> shares) {
        int k = shares.size();
        int length = shares.get(0).length - 1;
        int[] xs = new int[k];
        for (int i = 0; i < k; i++) {
            xs[i] = shares.get(i)[length] & 0xff;
        }
        byte[] secret = new byte[length];
        for (int b = 0; b < length; b++) {
            int result = 0;
            for (int i = 0; i < k; i++) {
                int basis = 1;
                for (int j = 0; j < k; j++) {
                    if (i != j) {
                        basis = mult(basis, div(xs[j], xs[i] ^ xs[j]));
                    }
                }
                result ^= mult(shares.get(i)[b] & 0xff, basis);
            }
            secret[b] = (byte) result;
        }
        return secret;
    }

    /** Multiplication modulo x^8 + x^4 + x^3 + x + 1. */
    static int mult(int a, int b) {
        int r = 0;
        for (int i = 7; i >= 0; i--) {
            r = (((r << 1) ^ ((r & 0x80) != 0 ? 0x1b : 0)) & 0xff) ^ (((b >> i) & 1) != 0 ? a : 0);
        }
        return r;
    }

    private static int div(int a, int b) {
        if (b == 0) {
            return 0; // two shares with one x: Vault refuses them, sops never writes them
        }
        int inverse = 1;
        for (int i = 0; i < 254; i++) {
            inverse = mult(inverse, b); // b^254 = b^-1
        }
        return mult(a, inverse);
    }
}
