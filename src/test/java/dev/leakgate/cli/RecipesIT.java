package dev.leakgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.leakgate.report.Reports;
import dev.leakgate.source.TestRepo;
import dev.leakgate.testing.Jar;
import dev.leakgate.testing.Tokens;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CI recipes in hooks/ci and the pre-commit framework's hook definition, as a user copies
 * them: their gate commands run, as the CI would run them, in a full clone of a local bare remote
 * after real pushes (an existing branch, a new branch, a pull request), on the packaged jar.
 */
class RecipesIT {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final String ZEROS = "0".repeat(40);

    @TempDir
    Path tmp;

    record Run(int exit, String output) {
    }

    /** Runs a shell script as the CI does (bash), in {@code dir}, with {@code env}. */
    static Run sh(Path dir, String script, Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", script).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        pb.environment().put("LEAKGATE_JAR", Jar.path().toAbsolutePath().toString());
        pb.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":" + System.getenv("PATH"));
        Process p = pb.start();
        p.getOutputStream().close();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = p.getInputStream()) {
            in.transferTo(out);
        }
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), out.toString(StandardCharsets.UTF_8));
    }

    static JsonNode recipe(String name) throws Exception {
        Path file = Path.of("hooks/ci").resolve(name);
        assertThat(file).exists();
        return YAML.readTree(file.toFile());
    }

    /** The GitHub workflow's gate step: its shell script, and the names of the variables it is given. */
    static JsonNode githubGateStep() throws Exception {
        JsonNode steps = recipe("github-actions.yml").get("jobs").get("gate").get("steps");
        for (JsonNode s : steps) {
            if (s.path("name").asText().startsWith("Gate")) {
                return s;
            }
        }
        throw new AssertionError("no Gate step");
    }

    /** A developer's clone of a bare remote, with main published. */
    private TestRepo[] published() throws Exception {
        TestRepo origin = TestRepo.init(tmp.resolve("origin.git"), "--bare");
        TestRepo dev = TestRepo.init(tmp.resolve("dev"));
        dev.write("README", "hello\n").commitAll("first");
        dev.git("remote", "add", "origin", origin.dir.toString());
        dev.git("push", "-q", "origin", "HEAD:refs/heads/main");
        return new TestRepo[] {origin, dev};
    }

    /** What CI checks out: a full clone of the remote (every branch, as actions/checkout with fetch-depth: 0). */
    private Path ciClone(TestRepo origin, String name, String sha) throws Exception {
        Path ci = tmp.resolve(name);
        new TestRepo(tmp).git("clone", "-q", origin.dir.toString(), ci.toString());
        new TestRepo(ci).git("checkout", "-q", "--detach", sha);
        return ci;
    }

    @Test
    void theGithubWorkflowGatesPushesNewBranchesAndPullRequestsAndWritesSarif() throws Exception {
        JsonNode step = githubGateStep();
        assertThat(step.get("env").get("BASE").asText()).contains("github.event.pull_request.base.sha")
                .contains("github.event.before");
        String script = step.get("run").asText();
        JsonNode workflow = recipe("github-actions.yml");
        assertThat(workflow.get("jobs").get("gate").get("steps").get(0).get("with").get("fetch-depth").asInt()).isZero();
        assertThat(workflow.toString()).contains("upload-sarif").contains("security-events");

        TestRepo[] r = published();
        TestRepo origin = r[0];
        TestRepo dev = r[1];
        String before = dev.head();

        // a clean push to main
        dev.write("README", "hello\nworld\n").commitAll("clean");
        dev.git("push", "-q", "origin", "HEAD:refs/heads/main");
        Path ci = ciClone(origin, "ci-clean", dev.head());
        Run clean = sh(ci, script, Map.of("BASE", before, "HEAD_SHA", dev.head()));
        assertThat(clean.exit()).as(clean.output()).isZero();
        Reports.checkSarif(Files.readString(ci.resolve("leakgate.sarif")));

        // a push to main that adds a leak, then removes it: history still publishes it
        String pushedFrom = dev.head();
        String pat = Tokens.githubPat();
        dev.write("deploy.env", "TOKEN=" + pat + "\n").commitAll("leak");
        dev.write("deploy.env", "TOKEN=${TOKEN}\n").commitAll("removed");
        dev.git("push", "-q", "origin", "HEAD:refs/heads/main");
        Path ci2 = ciClone(origin, "ci-leak", dev.head());
        Run leak = sh(ci2, script, Map.of("BASE", pushedFrom, "HEAD_SHA", dev.head()));
        assertThat(leak.exit()).as(leak.output()).isEqualTo(1);
        assertThat(leak.output()).contains("deploy.env:1").contains("github-pat").doesNotContain(pat);
        String sarif = Files.readString(ci2.resolve("leakgate.sarif"));
        Reports.checkSarif(sarif);
        assertThat(sarif).contains("deploy.env").doesNotContain(pat);

        // a new branch: the push event's "before" is forty zeros
        dev.git("checkout", "-q", "-b", "feature");
        String pat2 = Tokens.githubPat();
        dev.write("feature.env", "KEY=" + pat2 + "\n").commitAll("a leak on a new branch");
        dev.git("push", "-q", "origin", "HEAD:refs/heads/feature");
        Path ci3 = ciClone(origin, "ci-new-branch", dev.head());
        Run branch = sh(ci3, script, Map.of("BASE", ZEROS, "HEAD_SHA", dev.head()));
        assertThat(branch.exit()).as(branch.output()).isEqualTo(1);
        assertThat(branch.output()).contains("feature.env:1").doesNotContain(pat2);

        // the pull request of that branch: base is main's tip
        String mainTip = origin.git("rev-parse", "main").strip();
        Run pr = sh(ci3, script, Map.of("BASE", mainTip, "HEAD_SHA", dev.head()));
        assertThat(pr.exit()).as(pr.output()).isEqualTo(1);
        assertThat(pr.output()).contains("feature.env:1");
    }

    @Test
    void theGitlabJobGatesPushesAndMergeRequestsAndWritesAJunitReport() throws Exception {
        JsonNode job = recipe("gitlab-ci.yml").get("leakgate");
        assertThat(job.get("variables").get("GIT_DEPTH").asText()).isEqualTo("0");
        assertThat(job.get("artifacts").get("reports").get("junit").asText()).isEqualTo("leakgate-junit.xml");
        List<String> lines = new ArrayList<>();
        job.get("script").forEach(l -> lines.add(l.asText()));
        String script = String.join("\n", lines);
        assertThat(script).contains("CI_COMMIT_BEFORE_SHA").contains("CI_MERGE_REQUEST_DIFF_BASE_SHA");

        TestRepo[] r = published();
        TestRepo origin = r[0];
        TestRepo dev = r[1];
        String before = dev.head();
        String pat = Tokens.githubPat();
        dev.write("app/settings.py", "TOKEN = '" + pat + "'\n").commitAll("leak");
        dev.git("push", "-q", "origin", "HEAD:refs/heads/main");
        Path ci = ciClone(origin, "ci-push", dev.head());
        Map<String, String> push = new LinkedHashMap<>();
        push.put("CI_COMMIT_BEFORE_SHA", before);
        push.put("CI_COMMIT_SHA", dev.head());
        Run leak = sh(ci, script, push);
        assertThat(leak.exit()).as(leak.output()).isEqualTo(1);
        assertThat(leak.output()).contains("app/settings.py:1").doesNotContain(pat);
        String junit = Files.readString(ci.resolve("leakgate-junit.xml"));
        Reports.checkJunit(junit);
        assertThat(junit).contains("<failure").contains("app/settings.py").doesNotContain(pat);

        // a merge request pipeline: CI_COMMIT_BEFORE_SHA is zeros, the diff base says where it branched
        dev.git("checkout", "-q", "-b", "fix");
        dev.write("app/settings.py", "TOKEN = os.environ['TOKEN']\n").commitAll("read it from the environment");
        dev.git("push", "-q", "origin", "HEAD:refs/heads/fix");
        Path mr = ciClone(origin, "ci-mr", dev.head());
        Map<String, String> env = new LinkedHashMap<>();
        env.put("CI_COMMIT_BEFORE_SHA", ZEROS);
        env.put("CI_MERGE_REQUEST_DIFF_BASE_SHA", dev.git("rev-parse", "HEAD~1").strip());
        env.put("CI_COMMIT_SHA", dev.head());
        Run fixed = sh(mr, script, env);
        assertThat(fixed.exit()).as(fixed.output()).isZero();
        Reports.checkJunit(Files.readString(mr.resolve("leakgate-junit.xml")));
    }

    @Test
    void thePreCommitFrameworkHookRunsStagedWithoutFileNames() throws Exception {
        JsonNode hooks = YAML.readTree(Path.of(".pre-commit-hooks.yaml").toFile());
        JsonNode hook = hooks.get(0);
        assertThat(hook.get("id").asText()).isEqualTo("leakgate");
        assertThat(hook.get("language").asText()).isEqualTo("system");
        assertThat(hook.get("pass_filenames").asBoolean(true)).isFalse();
        assertThat(hook.get("entry").asText()).isEqualTo("leakgate staged");

        // the entry as pre-commit runs it: the command on PATH, from the repository's top
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path launcher = bin.resolve("leakgate");
        Files.writeString(launcher, "#!/bin/sh\nexec java -jar \"$LEAKGATE_JAR\" \"$@\"\n");
        launcher.toFile().setExecutable(true);
        TestRepo repo = TestRepo.init(tmp.resolve("repo"));
        repo.write("README", "hello\n").commitAll("first");
        String pat = Tokens.githubPat();
        repo.write("ci.env", "TOKEN=" + pat + "\n").add("ci.env");
        Run blocked = sh(repo.dir, "PATH=\"$LAUNCHERS:$PATH\"; " + hook.get("entry").asText(), Map.of("LAUNCHERS", bin.toString()));
        assertThat(blocked.exit()).as(blocked.output()).isEqualTo(1);
        assertThat(blocked.output()).contains("ci.env:1").contains("commit blocked").doesNotContain(pat);
        repo.git("rm", "-q", "--cached", "ci.env");
        repo.write("notes.txt", "nothing secret\n").add("notes.txt");
        Run clean = sh(repo.dir, "PATH=\"$LAUNCHERS:$PATH\"; " + hook.get("entry").asText(), Map.of("LAUNCHERS", bin.toString()));
        assertThat(clean.exit()).as(clean.output()).isZero();
    }
}
