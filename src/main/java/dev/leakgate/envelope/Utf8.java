package dev.leakgate.envelope;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Strict UTF-8 for the text stores: raw bytes named like a text file are no sops file. */
final class Utf8 {
    private Utf8() {
    }

    static String decode(byte[] bytes, String what) throws ProblemException {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new ProblemException("not-parseable", EnvelopeValidator.NOT_AN_ENVELOPE + what + " is not UTF-8 text", null);
        }
    }
}
