package dev.leakgate.cli;

import dev.leakgate.envelope.EnvelopeProblem;
import dev.leakgate.envelope.EnvelopeResult;
import dev.leakgate.envelope.EnvelopeValidator;
import dev.leakgate.pipeline.EnvelopeInspector;
import dev.leakgate.pipeline.Pipeline;
import dev.leakgate.policy.Policy;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** Wires the envelope validators into the pipeline. */
final class Envelopes {
    private Envelopes() {
    }

    static EnvelopeInspector inspector(Policy policy) {
        return inspector(policy, UnaryOperator.identity());
    }

    /**
     * @param sopsPath maps a target's path to the path a {@code .sops.yaml} creation rule's
     *                 {@code path_regex} is matched against (relative to that file's folder)
     */
    static EnvelopeInspector inspector(Policy policy, UnaryOperator<String> sopsPath) {
        return (path, content) -> {
            EnvelopeResult result = EnvelopeValidator.check(path, content);
            List<EnvelopeInspector.Defect> defects = new ArrayList<>();
            for (EnvelopeProblem p : result.problems()) {
                defects.add(new EnvelopeInspector.Defect(Pipeline.ENVELOPE_RULE, p.reason(),
                        p.reason() + ": " + p.message(), p.line()));
            }
            return defects;
        };
    }
}
