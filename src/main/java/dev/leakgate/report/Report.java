package dev.leakgate.report;

import java.util.List;

/**
 * Everything a writer needs: the findings, the counts, what was scanned and the rules in force;
 * and, for a baseline, the findings it accepted (what a refreshed baseline lists again) and its
 * entries that matched nothing.
 */
public record Report(List<Finding> findings, ScanStats stats, List<String> targets, List<RuleInfo> rules,
        List<Finding> baselined, List<String> baselineUnused) {

    public Report(List<Finding> findings, ScanStats stats, List<String> targets, List<RuleInfo> rules) {
        this(findings, stats, targets, rules, List.of(), List.of());
    }

    /** The names of the targets read, each once, in order: put in order only if a writer reads them. */
    public static List<String> targetNames(java.util.Collection<String> names) {
        return new SortedNames(names);
    }
}
