package dev.leakgate.detect;

/**
 * A rule matched content. {@code start}/{@code end} delimit the whole match and
 * {@code secretStart}/{@code secretEnd} the secret, as byte offsets into the scanned content; a
 * match found inside decoded base64 carries the offsets of the encoded run and {@code decoded}.
 * The secret itself stays in memory only: it is for fingerprints and redaction, never for output.
 */
public record Match(Rule rule, int start, int end, int secretStart, int secretEnd, String secret, boolean decoded) {
}
