package dev.leakgate.envelope;

import dev.leakgate.identity.AgeCrypto;
import dev.leakgate.identity.Identity;
import dev.leakgate.identity.Stanza;
import dev.leakgate.identity.UnwrapException;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Opens a structurally valid binary age file with the operator's identities, as age does: the first identity
 * that unwraps a stanza gives the file key, then the header MAC, then every STREAM chunk (its tag, the
 * final-chunk flag, nothing after the final chunk). Plaintext goes through one 64 KiB buffer that is
 * overwritten chunk after chunk and wiped at the end; only a caller that asks for a small payload (a sops
 * data key) gets it back.
 */
final class AgeDecryptor {
    private static final int CHUNK_PLAIN = 64 * 1024;
    private static final int TAG = 16;
    private static final int CHUNK = CHUNK_PLAIN + TAG;
    private static final int NONCE = 16;

    enum Outcome { VERIFIED, NO_MATCH, INVALID }

    /**
     * @param problem   why the file is invalid (INVALID only)
     * @param plaintext the whole plaintext when it fits in what the caller kept (VERIFIED only), else null
     */
    record Result(Outcome outcome, EnvelopeProblem problem, byte[] plaintext) {
        static Result invalid(String reason, String message) {
            return new Result(Outcome.INVALID, new EnvelopeProblem(reason, message, null), null);
        }
    }

    private AgeDecryptor() {
    }

    /**
     * @param data a binary age file that passed the keyless checks
     * @param keep the largest plaintext to hand back (0: none)
     */
    static Result open(byte[] data, List<Identity> identities, int keep) {
        AgeHeaderParser.Header header;
        try {
            header = AgeHeaderParser.parse(data, false);
        } catch (ProblemException e) {
            return new Result(Outcome.INVALID, e.problem(), null);
        }
        List<Stanza> stanzas = new ArrayList<>();
        for (AgeStanza s : header.stanzas()) {
            stanzas.add(new Stanza(s.type(), s.args(), s.body()));
        }
        byte[] fileKey = null;
        for (Identity identity : identities) {
            try {
                fileKey = identity.unwrap(stanzas);
            } catch (UnwrapException e) {
                return Result.invalid("stanza-refused", "age refuses the header with " + identity.origin() + ": " + e.getMessage());
            }
            if (fileKey != null) {
                break;
            }
        }
        if (fileKey == null) {
            return new Result(Outcome.NO_MATCH, null, null);
        }
        try {
            byte[] macKey = AgeCrypto.hkdf(fileKey, null, "header", 32);
            byte[] mac = AgeCrypto.hmacSha256(macKey, data, 0, header.macStart() + 3);
            if (!MessageDigest.isEqual(mac, header.mac())) {
                return Result.invalid("header-mac-mismatch",
                        "header MAC does not match (a stanza added, removed, reordered or edited after encryption)");
            }
            byte[] nonce = Arrays.copyOfRange(data, header.payloadOffset(), header.payloadOffset() + NONCE);
            byte[] payloadKey = AgeCrypto.hkdf(fileKey, nonce, "payload", 32);
            return stream(data, header.payloadOffset() + NONCE, payloadKey, keep);
        } finally {
            Arrays.fill(fileKey, (byte) 0);
        }
    }

    private static Result stream(byte[] data, int start, byte[] key, int keep) {
        byte[] out = new byte[CHUNK_PLAIN];
        ByteArrayOutputStream kept = keep > 0 ? new ByteArrayOutputStream() : null;
        try {
            int pos = start;
            long counter = 0;
            while (true) {
                int remaining = data.length - pos;
                if (remaining == 0) {
                    return Result.invalid("payload-truncated", "payload ends after chunk " + counter
                            + " without a final chunk (cut at a chunk boundary, or the final chunk dropped)");
                }
                int n = Math.min(remaining, CHUNK);
                boolean last = n < CHUNK;
                if (last && counter > 0 && n == TAG) {
                    return Result.invalid("payload-truncated", "the final chunk is empty after full chunks");
                }
                int plain = AgeCrypto.chachaOpen(key, nonce(counter, last), data, pos, n, out);
                if (plain < 0 && !last) {
                    last = true; // a full chunk may be the final one
                    plain = AgeCrypto.chachaOpen(key, nonce(counter, true), data, pos, n, out);
                }
                if (plain < 0) {
                    return Result.invalid("payload-tampered", "payload chunk " + (counter + 1)
                            + " does not authenticate (changed, cut inside, or extended past its end)");
                }
                if (kept != null) {
                    if (kept.size() + plain > keep) {
                        kept = null;
                    } else {
                        kept.write(out, 0, plain);
                    }
                }
                pos += n;
                counter++;
                if (last) {
                    if (pos != data.length) {
                        return Result.invalid("trailing-data", (data.length - pos) + " byte(s) after the final chunk");
                    }
                    return new Result(Outcome.VERIFIED, null, kept == null ? null : kept.toByteArray());
                }
            }
        } finally {
            Arrays.fill(out, (byte) 0);
        }
    }

    private static byte[] nonce(long counter, boolean last) {
        byte[] n = new byte[12];
        for (int i = 0; i < 8; i++) {
            n[10 - i] = (byte) (counter >>> (8 * i));
        }
        n[11] = (byte) (last ? 1 : 0);
        return n;
    }
}
