package dev.leakgate.detect;

/** Shannon entropy in bits per character, over the chars as bytes. */
public final class Entropy {
    private Entropy() {
    }

    public static double shannon(CharSequence s) {
        int n = s.length();
        if (n == 0) {
            return 0;
        }
        int[] counts = new int[256];
        for (int i = 0; i < n; i++) {
            counts[s.charAt(i) & 0xff]++;
        }
        double h = 0;
        for (int c : counts) {
            if (c > 0) {
                double p = (double) c / n;
                h -= p * (Math.log(p) / Math.log(2));
            }
        }
        return h;
    }
}
