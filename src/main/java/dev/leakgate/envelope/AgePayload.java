package dev.leakgate.envelope;

/**
 * Length arithmetic of the STREAM payload: a 16-byte nonce, then 64 KiB plaintext chunks sealed with a
 * 16-byte tag each. Without the key only lengths are visible, so this is all a keyless check can say.
 */
final class AgePayload {
    static final int NONCE = 16;
    static final int TAG = 16;
    static final int CHUNK = 64 * 1024 + TAG;

    private AgePayload() {
    }

    /**
     * @param payloadLength bytes after the MAC line
     * @return the plaintext length
     * @throws ProblemException when no valid payload has that length
     */
    static long plaintextLength(long payloadLength) throws ProblemException {
        if (payloadLength == 0) {
            throw fault("nothing after the MAC line: the 16-byte payload nonce is missing");
        }
        if (payloadLength < NONCE) {
            throw fault("payload truncated: " + payloadLength + " bytes after the MAC line, less than the 16-byte nonce");
        }
        long chunkBytes = payloadLength - NONCE;
        if (chunkBytes == 0) {
            throw fault("payload truncated: a nonce but no chunk");
        }
        long chunks = (chunkBytes + CHUNK - 1) / CHUNK;
        long last = chunkBytes - (chunks - 1) * CHUNK;
        if (last < TAG) {
            throw fault("payload truncated: the last chunk is " + last + " bytes, shorter than its 16-byte tag");
        }
        if (chunks > 1 && last == TAG) {
            // Only a file whose whole plaintext is empty may end in an empty chunk.
            throw fault("payload ends with an empty final chunk after full chunks");
        }
        return chunkBytes - TAG * chunks;
    }

    private static ProblemException fault(String message) {
        return new ProblemException("age-bad-payload", message, null);
    }
}
