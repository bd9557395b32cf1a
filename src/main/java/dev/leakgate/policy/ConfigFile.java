package dev.leakgate.policy;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.leakgate.detect.RuleSpec;
import java.util.List;

/** {@code .leakgate.yaml} as written. Every key is optional; unknown keys are an error. */
@JsonIgnoreProperties(ignoreUnknown = false)
public record ConfigFile(
        List<RuleSpec> rules,
        List<String> disable,
        AllowSpec allow,
        List<String> secretsPaths,
        List<String> publicSurface,
        String baseline,
        String sopsConfig) {

    /** What never becomes a finding: paths (globs), regexes (on the secret or its line), fingerprints. */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record AllowSpec(List<String> paths, List<String> regexes, List<String> fingerprints) {
    }
}
