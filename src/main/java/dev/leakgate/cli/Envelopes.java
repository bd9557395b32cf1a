package dev.leakgate.cli;

import dev.leakgate.envelope.EnvelopeProblem;
import dev.leakgate.envelope.EnvelopeResult;
import dev.leakgate.envelope.EnvelopeValidator;
import dev.leakgate.envelope.SopsCreationRules;
import dev.leakgate.pipeline.EnvelopeInspector;
import dev.leakgate.pipeline.Pipeline;
import dev.leakgate.policy.ConfigException;
import dev.leakgate.policy.Policy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Wires the envelope validators and the recipient-drift check into the pipeline. */
final class Envelopes {
    private Envelopes() {
    }

    /** Targets show repository-relative paths; a creation rule sees them relative to .sops.yaml's folder. */
    static EnvelopeInspector inspector(Policy policy) {
        return inspector(policy, policy.sopsConfigDir(), UnaryOperator.identity());
    }

    /**
     * @param sopsPath maps a target's path to the path a creation rule's {@code path_regex} is
     *                 matched against
     */
    static EnvelopeInspector inspector(Policy policy, UnaryOperator<String> sopsPath) {
        return inspector(policy, "", sopsPath);
    }

    /**
     * The envelope structure alone, no recipient drift and so no .sops.yaml: for the history
     * audit, whose past versions were encrypted to the recipients of their day.
     */
    static EnvelopeInspector structureOnly() {
        return inspector((SopsCreationRules) null, UnaryOperator.identity());
    }

    private static EnvelopeInspector inspector(Policy policy, String sopsDir, UnaryOperator<String> sopsPath) {
        return inspector(policy.sopsConfig() == null ? null : creationRules(policy.sopsConfig(), sopsDir), sopsPath);
    }

    private static EnvelopeInspector inspector(SopsCreationRules rules, UnaryOperator<String> sopsPath) {
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

    private static SopsCreationRules creationRules(Path file, String dirInRoot) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read the sops config: " + e.getClass().getSimpleName());
        }
        try {
            return SopsCreationRules.parse(bytes, dirInRoot);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(file + ": " + e.getMessage());
        }
    }
}
