package dev.leakgate.report;

/** What a report says about a rule (SARIF's tool.driver.rules). */
public record RuleInfo(String id, String kind, String description) {
}
