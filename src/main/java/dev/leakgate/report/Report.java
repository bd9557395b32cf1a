package dev.leakgate.report;

import java.util.List;

/** Everything a writer needs: the findings, the counts, what was scanned and the rules in force. */
public record Report(List<Finding> findings, ScanStats stats, List<String> targets, List<RuleInfo> rules) {
}
