package dev.leakgate.envelope;

import java.util.ArrayList;
import java.util.List;

/** A whole age file, binary or armored: header grammar, known stanza shapes, then payload lengths. */
final class AgeFile {

    /**
     * @param plaintextLength what the payload would decrypt to, or -1 when the file is too broken to tell
     */
    record Check(List<EnvelopeProblem> problems, long plaintextLength) {
        boolean valid() {
            return problems.isEmpty();
        }
    }

    private AgeFile() {
    }

    static Check binary(byte[] data) {
        return check(data, true);
    }

    static Check armored(byte[] data) {
        byte[] inner;
        try {
            inner = AgeArmor.decode(data);
        } catch (ProblemException e) {
            return new Check(List.of(e.problem()), -1);
        }
        // Lines of the decoded header are not lines of the file, so those problems carry no line.
        return check(inner, false);
    }

    private static Check check(byte[] data, boolean fileLines) {
        AgeHeaderParser.Header header;
        try {
            header = AgeHeaderParser.parse(data, fileLines);
        } catch (ProblemException e) {
            return new Check(List.of(e.problem()), -1);
        }
        List<EnvelopeProblem> problems = new ArrayList<>(AgeStanzaRules.check(header.stanzas(), fileLines));
        long plaintext = -1;
        try {
            plaintext = AgePayload.plaintextLength(data.length - (long) header.payloadOffset());
        } catch (ProblemException e) {
            problems.add(e.problem());
        }
        return new Check(problems, plaintext);
    }
}
