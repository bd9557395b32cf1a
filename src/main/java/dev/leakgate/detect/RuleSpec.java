package dev.leakgate.detect;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * One rule as written in a rule pack or a user config, before compilation. Unknown keys are an
 * error (strict validation), so a typo such as {@code keyword:} cannot silently disable a prefilter.
 * A rule of the long-tail family gives {@code body} (and {@code prefix}, {@code distance}) instead
 * of {@code pattern}: see {@link TokenShape}.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record RuleSpec(
        String id,
        String kind,
        String description,
        String pattern,
        String secretGroup,
        List<String> keywords,
        Double entropy,
        Integer minLength,
        String validator,
        List<String> allow,
        Integer window,
        Boolean generic,
        Boolean anchored,
        Boolean assignment,
        List<String> prefix,
        String body,
        Integer distance,
        List<String> examples,
        List<String> negativeExamples) {
}
