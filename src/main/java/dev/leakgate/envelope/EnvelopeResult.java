package dev.leakgate.envelope;

import java.util.List;

/**
 * The verdict on one file.
 *
 * @param ageRecipients   age recipients a sops file's metadata lists (top level and key groups), for drift checks
 * @param pgpFingerprints pgp fingerprints a sops file's metadata lists
 */
public record EnvelopeResult(EnvelopeFormat format, List<EnvelopeProblem> problems, List<String> ageRecipients,
                             List<String> pgpFingerprints) {

    public EnvelopeResult {
        problems = List.copyOf(problems);
        ageRecipients = List.copyOf(ageRecipients);
        pgpFingerprints = List.copyOf(pgpFingerprints);
    }

    public boolean valid() {
        return problems.isEmpty();
    }

    static EnvelopeResult of(EnvelopeFormat format, List<EnvelopeProblem> problems) {
        return new EnvelopeResult(format, problems, List.of(), List.of());
    }
}
