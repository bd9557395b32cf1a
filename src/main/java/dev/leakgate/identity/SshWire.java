package dev.leakgate.identity;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/** The SSH wire encoding of public keys (RFC 4253): length-prefixed strings and mpints. */
final class SshWire {
    private SshWire() {
    }

    static byte[] string(String s) {
        return string(s.getBytes(StandardCharsets.US_ASCII));
    }

    static byte[] string(byte[] b) {
        byte[] out = new byte[4 + b.length];
        out[0] = (byte) (b.length >>> 24);
        out[1] = (byte) (b.length >>> 16);
        out[2] = (byte) (b.length >>> 8);
        out[3] = (byte) b.length;
        System.arraycopy(b, 0, out, 4, b.length);
        return out;
    }

    static byte[] mpint(BigInteger n) {
        return string(n.signum() == 0 ? new byte[0] : n.toByteArray());
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
