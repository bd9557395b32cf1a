package dev.leakgate.detect;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** A rule pack file: {@code rules: [...]}. */
@JsonIgnoreProperties(ignoreUnknown = false)
public record RulePack(List<RuleSpec> rules) {
}
