package dev.leakgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leakgate.detect.BuiltinRules;
import dev.leakgate.detect.Rule;
import dev.leakgate.pipeline.Pipeline;
import dev.leakgate.policy.Policy;
import dev.leakgate.policy.PolicyLoader;
import dev.leakgate.report.Report;
import dev.leakgate.source.AuditSource;
import dev.leakgate.source.Content;
import dev.leakgate.source.TestRepo;
import dev.leakgate.testing.TestSeed;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit derives the keyword hits of a blob stored as a delta from its base's; this holds it to
 * the slow obvious path, every blob scanned whole, on a real repository packed by {@code git gc}
 * (deltas as git makes them): a seeded random history of files edited line by line, with the
 * built-in rules' own examples written in, moved, cut in two and taken out again.
 */
class AuditDeltaReuseTest {
    private static final String[] CODE = {
        "int main(int argc, char **argv) {", "    return checkout(repo, fp);", "}", "# curl the web_ page",
        "password = read_config(\"password\")", "api_key: ${API_KEY}", "static const char *token_name = \"token\";",
        "    if (fingerprint == NULL)", "export PATH=$PATH:/usr/local/bin", "-----BEGIN", "sk_", "ghp_", "AKIA",
        "url = https://example.org/path?version_=1", ""};

    @TempDir
    Path dir;

    @Test
    void anAuditThatReusesDeltasReportsWhatOneReadingEveryBlobWholeReports() throws Exception {
        Random random = TestSeed.random("AuditDeltaReuseTest");
        List<String> examples = new ArrayList<>();
        for (Rule r : BuiltinRules.load()) {
            if (!r.examples().isEmpty()) {
                examples.add(r.examples().get(0));
            }
        }
        TestRepo repo = TestRepo.init(dir.resolve("repo"));
        int files = 6;
        List<List<String>> contents = new ArrayList<>();
        for (int f = 0; f < files; f++) {
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < 150; i++) {
                lines.add(CODE[random.nextInt(CODE.length)] + " " + i);
            }
            contents.add(lines);
        }
        for (int commit = 0; commit < 40; commit++) {
            for (int e = 0; e < 1 + random.nextInt(3); e++) {
                List<String> lines = contents.get(random.nextInt(files));
                int at = random.nextInt(lines.size() + 1);
                switch (random.nextInt(8)) {
                    case 0 -> lines.add(at, examples.get(random.nextInt(examples.size())));
                    case 1 -> {
                        String ex = examples.get(random.nextInt(examples.size()));
                        int cut = random.nextInt(ex.length() + 1);
                        lines.add(at, ex.substring(0, cut)); // a secret cut in two by a line between
                        lines.add(at + 1, CODE[random.nextInt(CODE.length)]);
                        lines.add(at + 2, ex.substring(cut));
                    }
                    case 2 -> {
                        if (!lines.isEmpty()) {
                            lines.remove(Math.min(at, lines.size() - 1));
                        }
                    }
                    case 3 -> { // a block moved
                        int from = random.nextInt(lines.size());
                        int n = Math.min(1 + random.nextInt(20), lines.size() - from);
                        List<String> block = new ArrayList<>(lines.subList(from, from + n));
                        lines.subList(from, from + n).clear();
                        lines.addAll(Math.min(at, lines.size()), block);
                    }
                    case 4 -> { // a line changed in place: a value edited behind its keyword
                        int i = Math.min(at, lines.size() - 1);
                        lines.set(i, lines.get(i) + TestRepo.Secrets.ghp().substring(0, 1 + random.nextInt(40)));
                    }
                    case 5 -> { // an example spliced into a line: a keyword made of old and new bytes
                        int i = Math.min(at, lines.size() - 1);
                        String line = lines.get(i);
                        int k = random.nextInt(line.length() + 1);
                        String ex = examples.get(random.nextInt(examples.size()));
                        lines.set(i, line.substring(0, k) + ex.substring(random.nextInt(Math.max(1, ex.length() / 4))) + line.substring(k));
                    }
                    case 6 -> { // one byte changed: a keyword broken or made
                        int i = Math.min(at, lines.size() - 1);
                        String line = lines.get(i);
                        if (!line.isEmpty()) {
                            int k = random.nextInt(line.length());
                            lines.set(i, line.substring(0, k) + "_-:= akpst".charAt(random.nextInt(10)) + line.substring(k + 1));
                        }
                    }
                    default -> lines.add(at, CODE[random.nextInt(CODE.length)]);
                }
            }
            for (int f = 0; f < files; f++) {
                repo.write("src/file" + f + ".txt", String.join("\n", contents.get(f)) + "\n");
            }
            repo.commitAll("commit " + commit);
        }
        repo.git("gc", "-q", "--aggressive");
        assertThat(repo.git("count-objects", "-v")).as("one pack, no loose objects").contains("count: 0");

        Report reused = audit(repo.dir, true);
        Report whole = audit(repo.dir, false);
        assertThat(whole.findings()).as("the history holds findings to compare").hasSizeGreaterThan(10);
        assertThat(reused.findings()).as(TestSeed.replayHint("AuditDeltaReuseTest")).isEqualTo(whole.findings());
    }

    private static Report audit(Path dir, boolean reuse) throws Exception {
        Policy policy = PolicyLoader.parse(".leakgate.yaml", new byte[0], dir, null, BuiltinRules.load());
        try (Repository repo = new FileRepositoryBuilder().setGitDir(dir.resolve(".git").toFile()).build()) {
            Pipeline pipeline = new Pipeline(policy, Envelopes.structureOnly()).reuseDeltas(reuse);
            return pipeline.runAudit(new AuditSource(repo, Content.DEFAULT_MAX_SIZE, policy::isSecretsPath, false));
        }
    }
}
