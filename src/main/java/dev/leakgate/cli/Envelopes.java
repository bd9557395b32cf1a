package dev.leakgate.cli;

import dev.leakgate.envelope.EnvelopeProblem;
import dev.leakgate.envelope.EnvelopeResult;
import dev.leakgate.envelope.EnvelopeValidator;
import dev.leakgate.envelope.SopsCreationRules;
import dev.leakgate.pipeline.EnvelopeInspector;
import dev.leakgate.pipeline.Pipeline;
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
        return inspector(rules, UnaryOperator.identity());
    }

    /**
     * The envelope structure alone, no recipient drift and so no .sops.yaml: for the history
     * audit, whose past versions were encrypted to the recipients of their day.
     */
    static EnvelopeInspector structureOnly() {
        return inspector(null);
    }

    /**
     * @param sopsPath maps a target's path to the path a creation rule's {@code path_regex} is
     *                 matched against
     */
    static EnvelopeInspector inspector(SopsCreationRules rules, UnaryOperator<String> sopsPath) {
        return (path, content) -> {
            EnvelopeResult result = EnvelopeValidator.check(path, content);
            List<EnvelopeInspector.Defect> defects = new ArrayList<>();
            for (EnvelopeProblem p : result.problems()) {
                defects.add(new EnvelopeInspector.Defect(Pipeline.ENVELOPE_RULE, p.reason(),
                        p.reason() + ": " + p.message(), p.line()));
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
        };
    }
}
