package dev.leakgate.cli;

import dev.leakgate.envelope.EnvelopeProblem;
import dev.leakgate.envelope.EnvelopeResult;
import dev.leakgate.envelope.EnvelopeValidator;
import dev.leakgate.envelope.SopsCreationRules;
import dev.leakgate.pipeline.EnvelopeInspector;
import dev.leakgate.pipeline.Pipeline;
import dev.leakgate.report.ScanStats;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Wires the envelope validators and the recipient-drift check into the pipeline. */
final class Envelopes {
    private Envelopes() {
    }

    /**
     * Targets show repository-relative paths; a creation rule sees them relative to the folder
     * holding .sops.yaml, as {@code rules} were parsed to.
     *
     * @param rules the creation rules drift is checked against; null: no drift check
     */
    static EnvelopeInspector inspector(SopsCreationRules rules) {
        return inspector(rules, UnaryOperator.identity(), Keys.NONE);
    }

    static EnvelopeInspector inspector(SopsCreationRules rules, Keys keys) {
        return inspector(rules, UnaryOperator.identity(), keys);
    }

    /**
     * The envelope structure alone, no recipient drift and so no .sops.yaml: for the history
     * audit, whose past versions were encrypted to the recipients of their day.
     */
    static EnvelopeInspector structureOnly() {
        return inspector(null);
    }

    /** {@link #structureOnly()}, with the identities to verify each past version with. */
    static EnvelopeInspector structureOnly(Keys keys) {
        return inspector(null, keys);
    }

    /**
     * @param sopsPath maps a target's path to the path a creation rule's {@code path_regex} is
     *                 matched against
     */
    static EnvelopeInspector inspector(SopsCreationRules rules, UnaryOperator<String> sopsPath) {
        return inspector(rules, sopsPath, Keys.NONE);
    }

    /**
     * @param keys the identities envelopes are opened with (none: the keyless checks alone), and where what
     *             they proved is counted
     */
    static EnvelopeInspector inspector(SopsCreationRules rules, UnaryOperator<String> sopsPath, Keys keys) {
        return new EnvelopeInspector() {
            @Override
            public List<EnvelopeInspector.Defect> inspect(String path, byte[] content) {
                return Envelopes.inspect(path, content, rules, sopsPath, keys);
            }

            @Override
            public void addTo(ScanStats stats) {
                keys.addTo(stats);
            }
        };
    }

    private static List<EnvelopeInspector.Defect> inspect(String path, byte[] content, SopsCreationRules rules,
            UnaryOperator<String> sopsPath, Keys keys) {
        {
            EnvelopeResult result = EnvelopeValidator.check(path, content, keys.identities());
            List<EnvelopeInspector.Defect> defects = new ArrayList<>();
            for (EnvelopeProblem p : result.problems()) {
                defects.add(new EnvelopeInspector.Defect(Pipeline.ENVELOPE_RULE, p.reason(),
                        p.reason() + ": " + p.message(), p.line()));
            }
            if (result.verification() == EnvelopeResult.Verification.OPENED) {
                keys.opened(path);
            } else if (result.verification() == EnvelopeResult.Verification.NOT_OPENED) {
                keys.notOpened(path);
                if (keys.requireVerified()) {
                    defects.add(new EnvelopeInspector.Defect(Pipeline.ENVELOPE_RULE, "not-verified",
                            "not-verified: none of the given identities opens this envelope (--require-verified)", null));
                }
            }
            if (rules != null) {
                // A file no creation rule matches was never meant for particular recipients: no drift.
                Optional<SopsCreationRules.Rule> rule = rules.ruleFor(sopsPath.apply(path));
                if (rule.isPresent()) {
                    for (EnvelopeProblem p : SopsCreationRules.recipientDrift(result, rule.get())) {
                        defects.add(new EnvelopeInspector.Defect(Pipeline.DRIFT_RULE, p.reason(),
                                p.message() + " (creation rule " + rule.get().index() + ")", p.line()));
                    }
                }
            }
            return defects;
        }
    }
}
