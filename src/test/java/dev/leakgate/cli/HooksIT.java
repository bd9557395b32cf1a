package dev.leakgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leakgate.source.TestRepo;
import dev.leakgate.source.TestRepo.Secrets;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hooks and the built jar, as a developer meets them: `git commit` and `git push` with the
 * hooks installed by `java -jar leakgate.jar install`. Runs after package (mvn verify), on the built jar.
 */
class HooksIT {
    static final Path JAR = dev.leakgate.testing.Jar.path().toAbsolutePath();

    @TempDir
    Path tmp;

    record Run(int exit, String output) {
    }

    static Run run(Path dir, String... cmd) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("HOME", dir.toString());
        pb.environment().put("GIT_CONFIG_NOSYSTEM", "1");
        pb.environment().remove("LEAKGATE_JAR");
        for (String k : List.of("GIT_AUTHOR_NAME", "GIT_COMMITTER_NAME")) {
            pb.environment().put(k, "Test");
        }
        for (String k : List.of("GIT_AUTHOR_EMAIL", "GIT_COMMITTER_EMAIL")) {
            pb.environment().put(k, "test@example.org");
        }
        Process p = pb.start();
        p.getOutputStream().close();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = p.getInputStream()) {
            in.transferTo(out);
        }
        return new Run(p.waitFor(), out.toString(StandardCharsets.UTF_8));
    }

    private TestRepo installed(Path dir) throws Exception {
        TestRepo r = TestRepo.init(dir);
        Run inst = run(r.dir, "java", "-jar", JAR.toString(), "install", "-C", r.dir.toString());
        assertThat(inst.exit()).as(inst.output()).isZero();
        return r;
    }

    @Test
    void preCommitBlocksAStagedLeakButNotAnUnstagedOneAndRunsTheKeptHookFirst() throws Exception {
        TestRepo r = TestRepo.init(tmp.resolve("repo"));
        Path hooks = r.dir.resolve(".git/hooks");
        Files.createDirectories(hooks);
        Files.writeString(hooks.resolve("pre-commit"), "#!/bin/sh\ntouch \"$(git rev-parse --git-dir)/local-hook-ran\"\n");
        hooks.resolve("pre-commit").toFile().setExecutable(true);
        assertThat(run(r.dir, "java", "-jar", JAR.toString(), "install").exit()).isZero();

        String staged = Secrets.ghp();
        String unstaged = Secrets.ghp();
        r.write("a.env", "TOKEN=" + staged + "\n").add("a.env");
        Run blocked = run(r.dir, "git", "commit", "-q", "-m", "leak");
        assertThat(blocked.exit()).as(blocked.output()).isNotZero();
        assertThat(blocked.output()).contains("a.env:1").doesNotContain(staged)
                .contains("leakgate: commit blocked: 1 finding").contains("rotate").contains("git commit --no-verify");
        assertThat(r.dir.resolve(".git/local-hook-ran")).exists();

        r.git("rm", "-q", "--cached", "a.env");
        r.write("b.txt", "fine\n").add("b.txt");
        Run ok = run(r.dir, "git", "commit", "-q", "-m", "clean");
        assertThat(ok.exit()).as(ok.output()).isZero();

        r.write("b.txt", "fine\nTOKEN=" + unstaged + "\n");
        r.write("c.txt", "more\n").add("c.txt");
        Run ok2 = run(r.dir, "git", "commit", "-q", "-m", "clean again, the leak is not staged");
        assertThat(ok2.exit()).as(ok2.output()).isZero();
        assertThat(ok2.output()).doesNotContain(unstaged);
    }

    @Test
    void prePushGatesNewAndExistingBranchesAndSkipsDeletions() throws Exception {
        TestRepo remote = TestRepo.init(tmp.resolve("remote.git"), "--bare");
        TestRepo r = installed(tmp.resolve("repo"));
        r.write("README", "hello\n").commitAll("first");
        r.git("remote", "add", "origin", remote.dir.toString());
        Run first = run(r.dir, "git", "push", "-q", "origin", "main");
        assertThat(first.exit()).as(first.output()).isZero();
        r.git("fetch", "-q", "origin");
        r.git("remote", "set-head", "origin", "main");

        r.git("checkout", "-q", "-b", "topic");
        String s = Secrets.ghp();
        r.write("ci.env", "TOKEN=" + s + "\n").add("ci.env");
        r.git("commit", "-q", "--no-verify", "-m", "leak, past the pre-commit hook");
        r.write("ci.env", "nothing here\n").commitAll("removed, but history keeps it");
        Run newBranch = run(r.dir, "git", "push", "-q", "origin", "topic");
        assertThat(newBranch.exit()).as(newBranch.output()).isNotZero();
        assertThat(newBranch.output()).contains("ci.env:1").doesNotContain(s)
                .contains("leakgate: push blocked: ").contains("git push --no-verify");

        r.git("checkout", "-q", "main");
        r.write("README", "hello\nworld\n").commitAll("clean change");
        Run existing = run(r.dir, "git", "push", "-q", "origin", "main");
        assertThat(existing.exit()).as(existing.output()).isZero();

        r.git("push", "-q", "--no-verify", "origin", "topic");
        Run delete = run(r.dir, "git", "push", "-q", "origin", ":topic");
        assertThat(delete.exit()).as(delete.output()).isZero();
    }

    @Test
    void theJarAuditsABareRepositoryAndFailsClosedOnAShallowClone() throws Exception {
        TestRepo r = TestRepo.init(tmp.resolve("work"));
        String s = Secrets.age();
        String base = r.write("k.txt", s + "\n").commitAll("leak");
        r.write("k.txt", "\n").commitAll("fix");
        r.write("x.txt", "x\n").commitAll("more");
        r.git("clone", "-q", "--bare", r.dir.toString(), tmp.resolve("bare.git").toString());
        Run audit = run(tmp, "java", "-jar", JAR.toString(), "audit", "-C", tmp.resolve("bare.git").toString());
        assertThat(audit.exit()).as(audit.output()).isEqualTo(1);
        assertThat(audit.output()).contains("k.txt:1").doesNotContain(s);

        r.git("clone", "-q", "--depth", "1", "file://" + r.dir, tmp.resolve("shallow").toString());
        List<String> cmd = new ArrayList<>(List.of("java", "-jar", JAR.toString(), "gate", "--base", base));
        Run gate = run(tmp.resolve("shallow"), cmd.toArray(String[]::new));
        assertThat(gate.exit()).as(gate.output()).isEqualTo(3);
        assertThat(gate.output()).contains(base).contains("fetch").doesNotContain("Exception").doesNotContain(s);
    }
}
