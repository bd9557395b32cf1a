package dev.leakgate.envelope;

import java.util.List;

/**
 * The verdict on one file.
 *
 * @param ageRecipients   age recipients a sops file's metadata lists (top level and key groups), for drift checks
 * @param pgpFingerprints pgp fingerprints a sops file's metadata lists
 */
public record EnvelopeResult(EnvelopeFormat format, List<EnvelopeProblem> problems, List<String> ageRecipients,
                             List<String> pgpFingerprints, Verification verification) {

    /** What a check holding identities could prove. */
    public enum Verification {
        /** No identity was given, or the file is already invalid without one. */
        NOT_TRIED,
        /** An identity opened it: every problem a key can see is in {@code problems}. */
        OPENED,
        /** None of the identities opens it: structurally sound, but not proven to decrypt. */
        NOT_OPENED
    }

    public EnvelopeResult {
        problems = List.copyOf(problems);
        ageRecipients = List.copyOf(ageRecipients);
        pgpFingerprints = List.copyOf(pgpFingerprints);
    }

    EnvelopeResult(EnvelopeFormat format, List<EnvelopeProblem> problems, List<String> ageRecipients,
                   List<String> pgpFingerprints) {
        this(format, problems, ageRecipients, pgpFingerprints, Verification.NOT_TRIED);
    }

    EnvelopeResult verified(Verification how, List<EnvelopeProblem> more) {
        List<EnvelopeProblem> all = new java.util.ArrayList<>(problems);
        all.addAll(more);
        return new EnvelopeResult(format, all, ageRecipients, pgpFingerprints, how);
    }

    public boolean valid() {
        return problems.isEmpty();
    }

    static EnvelopeResult of(EnvelopeFormat format, List<EnvelopeProblem> problems) {
        return new EnvelopeResult(format, problems, List.of(), List.of());
    }
}
