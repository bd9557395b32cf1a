package dev.leakgate.envelope;

import java.util.List;

/** Placeholder until the sops stores are read: everything that is not age is reported as no envelope. */
final class SopsValidator {
    private SopsValidator() {
    }

    static EnvelopeResult check(String path, byte[] bytes) {
        return EnvelopeResult.of(EnvelopeFormat.NONE, List.of(new EnvelopeProblem("not-an-envelope",
                EnvelopeValidator.NOT_AN_ENVELOPE + "sops stores are not read yet", null)));
    }
}
