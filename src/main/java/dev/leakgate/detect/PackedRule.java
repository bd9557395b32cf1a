package dev.leakgate.detect;

/** A built-in rule as the jar carries it: its pack, its spec, and its secret group resolved at build time. */
public record PackedRule(String origin, RuleSpec spec, int secretGroup) {
}
