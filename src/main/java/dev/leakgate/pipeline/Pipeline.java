package dev.leakgate.pipeline;

import dev.leakgate.detect.ByteText;
import dev.leakgate.detect.Detector;
import dev.leakgate.detect.Kind;
import dev.leakgate.detect.Match;
import dev.leakgate.detect.Rule;
import dev.leakgate.policy.Policy;
import dev.leakgate.report.Finding;
import dev.leakgate.report.Fingerprints;
import dev.leakgate.report.Redaction;
import dev.leakgate.report.Report;
import dev.leakgate.report.RuleInfo;
import dev.leakgate.report.ScanStats;
import dev.leakgate.source.LineSet;
import dev.leakgate.source.Source;
import dev.leakgate.source.Target;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Source → Target → Scanner → Finding → Filter → Report. Every mode runs through here; modes
 * differ only in their Source. Thread-safe: a source may hand over targets from several threads.
 */
public final class Pipeline {
    public static final String ENVELOPE_RULE = "envelope-invalid";
    public static final String DRIFT_RULE = "sops-recipient-drift";

    /** The envelope checks as rules, so every report format (SARIF's rule list) can name them. */
    public static final List<RuleInfo> ENVELOPE_RULES = List.of(
            new RuleInfo(ENVELOPE_RULE, Kind.ENVELOPE.label(),
                    "File under a secrets path that is not a valid age or sops envelope, or a sops file with a value in clear"),
            new RuleInfo(DRIFT_RULE, Kind.ENVELOPE.label(),
                    "sops file encrypted to recipients other than its .sops.yaml creation rule lists"));

    private final Policy policy;
    private final Detector detector;
    private final EnvelopeInspector envelopes;
    /** Matches per blob id: a blob seen again (another commit, another path) is not scanned again. */
    private final Map<String, List<Match>> byBlob = new ConcurrentHashMap<>();

    public Pipeline(Policy policy, EnvelopeInspector envelopes) {
        this.policy = policy;
        this.detector = new Detector(policy.rules());
        this.envelopes = envelopes;
    }

    public Policy policy() {
        return policy;
    }

    public Report run(Source source) {
        long t0 = System.nanoTime();
        ScanStats stats = new ScanStats();
        ConcurrentLinkedQueue<Finding> findings = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> targets = new ConcurrentLinkedQueue<>();
        source.forEach(target -> {
            stats.scanned(target.content().length);
            targets.add(target.path());
            findings.addAll(scan(target));
        }, stats);
        List<Finding> sorted = dedupe(new ArrayList<>(findings));
        stats.finish(sorted.size(), (System.nanoTime() - t0) / 1_000_000);
        return new Report(sorted, stats, targets.stream().distinct().sorted().toList(), ruleInfos());
    }

    /** The findings of one target, after the policy and the allowlists. */
    public List<Finding> scan(Target target) {
        String path = target.path();
        if (policy.isAllowedPath(path)) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>();
        boolean envelopeFailed = false;
        if (policy.isSecretsPath(path)) {
            for (EnvelopeInspector.Defect d : envelopes.inspect(path, target.content())) {
                // A file that is no envelope is reported once, as such; drift leaves its values encrypted.
                envelopeFailed |= !DRIFT_RULE.equals(d.ruleId());
                // The message tells apart two defects of one kind in one file (two drifted recipients).
                String fp = Fingerprints.ofFacts(d.ruleId(), path, d.reason(), d.message());
                if (!policy.isAllowedFingerprint(fp)) {
                    out.add(new Finding(d.ruleId(), Kind.ENVELOPE.label(), d.message(), path, d.line(), null,
                            target.commit(), fp, null, null, null, null));
                }
            }
        }
        List<Match> matches = target.blobId() == null ? detector.scan(target.content())
                : byBlob.computeIfAbsent(target.blobId(), id -> detector.scan(target.content()));
        if (matches.isEmpty()) {
            return out;
        }
        ByteText text = new ByteText(target.content());
        for (Match m : matches) {
            Rule rule = m.rule();
            if (!policy.applies(rule.kind(), path) || (envelopeFailed && rule.kind() == Kind.SECRET)) {
                continue;
            }
            int line = text.lineOf(m.start());
            if (!added(target.addedLines(), line, text, m)) {
                continue;
            }
            String lineText = text.slice(text.lineStart(m.secretStart()), text.lineEnd(m.secretStart()));
            if (policy.isAllowedValue(m.secret(), lineText)) {
                continue;
            }
            String fp = Fingerprints.of(rule.id(), m.secret());
            if (policy.isAllowedFingerprint(fp)) {
                continue;
            }
            out.add(new Finding(rule.id(), rule.kind().label(), rule.description(), path, line,
                    text.columnOf(m.start()), target.commit(), fp, Redaction.preview(rule.id(), m.secret()),
                    m.decoded() ? Boolean.TRUE : null, null, null));
        }
        return out;
    }

    /** A match counts for a change when any of its lines is one the change adds. */
    private static boolean added(LineSet addedLines, int firstLine, ByteText text, Match m) {
        if (addedLines == null) {
            return true;
        }
        int lastLine = firstLine + countNewlines(text, m.start(), m.end());
        for (int l = firstLine; l <= lastLine; l++) {
            if (addedLines.contains(l)) {
                return true;
            }
        }
        return false;
    }

    private static int countNewlines(ByteText text, int from, int to) {
        int n = 0;
        byte[] b = text.bytes();
        for (int i = from; i < to; i++) {
            if (b[i] == '\n') {
                n++;
            }
        }
        return n;
    }

    /** One finding per (rule, path, line, fingerprint, commit), in a stable order. */
    private static List<Finding> dedupe(List<Finding> findings) {
        Map<String, Finding> unique = new LinkedHashMap<>();
        for (Finding f : findings) {
            unique.putIfAbsent(f.ruleId() + '\0' + f.path() + '\0' + f.line() + '\0' + f.fingerprint() + '\0' + f.commit(), f);
        }
        List<Finding> out = new ArrayList<>(unique.values());
        out.sort(ORDER);
        return out;
    }

    public static final Comparator<Finding> ORDER = Comparator.comparing(Finding::path)
            .thenComparing(f -> f.line() == null ? 0 : f.line())
            .thenComparing(f -> f.column() == null ? 0 : f.column())
            .thenComparing(Finding::ruleId)
            .thenComparing(f -> f.commit() == null ? "" : f.commit());

    public List<RuleInfo> ruleInfos() {
        List<RuleInfo> infos = new ArrayList<>(ENVELOPE_RULES);
        for (Rule r : policy.rules()) {
            infos.add(new RuleInfo(r.id(), r.kind().label(), r.description()));
        }
        return infos;
    }
}
