package dev.leakgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leakgate.source.TestRepo;
import dev.leakgate.source.TestRepo.Secrets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * install --user as a user meets it, with a home of its own: the jar copied out of the build, the
 * launcher, hooks that run the copy (a `mvn clean` of the build does not touch them), the
 * class-data archive made beside it in the background and used quietly, and uninstall.
 */
class UserInstallIT {
    @TempDir
    Path tmp;

    record Run(int exit, String out, String err) {
        String all() {
            return out + err;
        }
    }

    /** Runs a command with HOME in the temp folder and the JDK of the tests, as a shell would. */
    Run run(Path dir, Map<String, String> env, String... cmd) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        Map<String, String> e = pb.environment();
        e.put("HOME", tmp.resolve("home").toString());
        e.remove("XDG_DATA_HOME");
        e.remove("LEAKGATE_JAR");
        e.remove("LEAKGATE_JAVA_OPTS");
        e.put("JAVA_HOME", System.getProperty("java.home"));
        e.put("GIT_CONFIG_NOSYSTEM", "1");
        e.put("GIT_AUTHOR_NAME", "Test");
        e.put("GIT_COMMITTER_NAME", "Test");
        e.put("GIT_AUTHOR_EMAIL", "test@example.org");
        e.put("GIT_COMMITTER_EMAIL", "test@example.org");
        e.putAll(env);
        Path out = Files.createTempFile(tmp, "out", ".txt");
        Path err = Files.createTempFile(tmp, "err", ".txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("did not finish in 120 s: " + String.join(" ", cmd));
        }
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    Run run(Path dir, String... cmd) throws IOException, InterruptedException {
        return run(dir, Map.of(), cmd);
    }

    Path home() {
        return tmp.resolve("home");
    }

    /** A build's jar that a test may delete, as `mvn clean` would. */
    Path buildJar() throws IOException {
        Path target = Files.createDirectories(tmp.resolve("checkout/target"));
        return Files.copy(dev.leakgate.testing.Jar.path(), target.resolve("leakgate.jar"), StandardCopyOption.REPLACE_EXISTING);
    }

    String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    @Test
    void installsForTheUserAndHooksKeepWorkingWhenTheBuildIsCleaned() throws Exception {
        Files.createDirectories(home());
        Path build = buildJar();
        Run inst = run(tmp, java(), "-jar", build.toString(), "install", "--user");
        assertThat(inst.exit()).as(inst.all()).isZero();
        Path data = home().resolve(".local/share");
        Path jar = data.resolve("leakgate/leakgate.jar");
        Path launcher = home().resolve(".local/bin/leakgate");
        assertThat(jar).exists().hasSameBinaryContentAs(build);
        assertThat(Files.isExecutable(launcher)).isTrue();
        assertThat(Files.readString(launcher)).startsWith("#!/bin/sh").contains("installed_jar='" + jar + "'");
        assertThat(Files.readString(data.resolve("bash-completion/completions/leakgate"))).contains("complete -F _complete_leakgate");
        assertThat(Files.readString(data.resolve("zsh/site-functions/_leakgate"))).startsWith("#compdef leakgate");
        assertThat(Files.readString(data.resolve("man/man1/leakgate.1"))).startsWith(".TH LEAKGATE 1").contains(".SS \"leakgate staged\"");
        assertThat(inst.err()).contains("is not on PATH");

        Run version = run(tmp, launcher.toString(), "--version");
        assertThat(version.exit()).as(version.all()).isZero();
        assertThat(version.out()).startsWith("leakgate ");

        // hooks installed afterwards, from the build's jar, run the installed copy
        TestRepo r = TestRepo.init(tmp.resolve("repo"));
        Run hooks = run(r.dir, java(), "-jar", build.toString(), "install");
        assertThat(hooks.exit()).as(hooks.all()).isZero();
        assertThat(r.git("config", "--get", "leakgate.jar").trim()).isEqualTo(jar.toString());
        Files.delete(build); // mvn clean

        r.write("a.txt", "hello\n").add("a.txt");
        Run ok = run(r.dir, "git", "commit", "-q", "-m", "clean");
        assertThat(ok.exit()).as(ok.all()).isZero();
        assertThat(ok.err()).contains("0 findings");

        String secret = Secrets.ghp();
        r.write("b.env", "TOKEN=" + secret + "\n").add("b.env");
        Run blocked = run(r.dir, "git", "commit", "-q", "-m", "leak");
        assertThat(blocked.exit()).isNotZero();
        assertThat(blocked.all()).doesNotContain(secret).contains("b.env:1").contains("commit blocked");

        // the launcher runs the same jar: `leakgate staged` finds what the hook found
        Run staged = run(r.dir, launcher.toString(), "staged");
        assertThat(staged.exit()).isEqualTo(1);
        assertThat(staged.all()).doesNotContain(secret).contains("b.env:1");

        Run uninst = run(tmp, launcher.toString(), "uninstall", "--user");
        assertThat(uninst.exit()).as(uninst.all()).isZero();
        assertThat(launcher).doesNotExist();
        assertThat(jar.getParent()).doesNotExist();
        assertThat(data.resolve("bash-completion/completions/leakgate")).doesNotExist();
        assertThat(data.resolve("zsh/site-functions/_leakgate")).doesNotExist();
        assertThat(data.resolve("man/man1/leakgate.1")).doesNotExist();

        // the hooks now fail closed: the jar they run is gone
        Run gone = run(r.dir, "git", "commit", "-q", "-m", "leak");
        assertThat(gone.exit()).isNotZero();
        assertThat(gone.err()).contains("jar not found").contains("commit blocked");
    }

    @Test
    void uninstallPutsBackTheHookThatWasThereBeforeExactly() throws Exception {
        TestRepo r = TestRepo.init(tmp.resolve("repo"));
        Path hooks = r.dir.resolve(".git/hooks");
        Files.createDirectories(hooks);
        Path mine = hooks.resolve("pre-commit");
        String script = "#!/bin/sh\necho my own hook\n";
        Files.writeString(mine, script);
        Files.setPosixFilePermissions(mine, PosixFilePermissions.fromString("rwxr-x---"));
        // a pre-push hook git does not run (not executable) stays one git does not run
        Path push = hooks.resolve("pre-push");
        Files.writeString(push, "#!/bin/sh\nexit 1\n");
        Files.setPosixFilePermissions(push, PosixFilePermissions.fromString("rw-r--r--"));
        long mtime = Files.getLastModifiedTime(mine).toMillis();

        Run inst = run(r.dir, java(), "-jar", dev.leakgate.testing.Jar.path().toAbsolutePath().toString(), "install");
        assertThat(inst.exit()).as(inst.all()).isZero();
        assertThat(Files.readString(mine)).contains("leakgate-hook:");
        assertThat(Files.readString(hooks.resolve("pre-commit.local"))).isEqualTo(script);
        assertThat(Files.isExecutable(hooks.resolve("pre-push.local"))).isFalse();
        r.write("a.txt", "x\n").add("a.txt");
        Run commit = run(r.dir, "git", "commit", "-q", "-m", "x");
        assertThat(commit.exit()).as(commit.all()).isZero();
        assertThat(commit.all()).contains("my own hook").contains("0 findings");

        Run uninst = run(r.dir, java(), "-jar", dev.leakgate.testing.Jar.path().toAbsolutePath().toString(), "uninstall");
        assertThat(uninst.exit()).as(uninst.all()).isZero();
        assertThat(Files.readString(mine)).isEqualTo(script);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(mine))).isEqualTo("rwxr-x---");
        assertThat(Files.getLastModifiedTime(mine).toMillis()).isEqualTo(mtime);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(push))).isEqualTo("rw-r--r--");
        assertThat(hooks.resolve("pre-commit.local")).doesNotExist();
        assertThat(hooks.resolve("pre-push.local")).doesNotExist();
        assertThat(Files.readString(r.dir.resolve(".git/config"))).doesNotContain("leakgate");
    }

    @Test
    void theArchiveIsMadeInTheBackgroundAndUsedWithoutAWordFromTheJvm() throws Exception {
        Files.createDirectories(home());
        Run inst = run(tmp, java(), "-jar", dev.leakgate.testing.Jar.path().toAbsolutePath().toString(), "install", "--user");
        assertThat(inst.exit()).as(inst.all()).isZero();
        Path launcher = home().resolve(".local/bin/leakgate");
        Path dir = home().resolve(".local/share/leakgate");
        TestRepo r = TestRepo.init(tmp.resolve("repo"));
        r.write("a.txt", "hello\n").commitAll("first");
        r.write("a.txt", "hello\nworld\n").add("a.txt");

        Run first = run(r.dir, launcher.toString(), "staged");
        assertThat(first.exit()).as(first.all()).isZero();
        assertThat(first.out()).startsWith("0 findings in 1 target");
        Path stamp = dir.resolve("leakgate.jvm");
        waitFor(() -> Files.exists(stamp) && !Files.exists(dir.resolve("leakgate.lock")));
        String kind = Files.readString(stamp).split(" ")[0];
        assertThat(kind).isIn("jsa", "aot");
        assertThat(Files.readString(stamp).trim()).isEqualTo(kind + " " + java());
        Path archive = dir.resolve("leakgate." + kind);
        assertThat(archive).exists();
        assertThat(Files.size(archive)).isGreaterThan(1 << 20);

        Run second = run(r.dir, launcher.toString(), "staged");
        assertThat(second.exit()).as(second.all()).isZero();
        assertThat(second.out()).matches("0 findings in 1 target \\(.*\\) in \\d+ ms\\R");
        assertThat(second.err()).isEmpty();

        // an archive the JVM refuses (damaged, or another JDK's) costs time, never a word or the check
        Files.write(archive, new byte[4096]);
        Files.setLastModifiedTime(archive, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        Run damaged = run(r.dir, launcher.toString(), "staged");
        assertThat(damaged.exit()).as(damaged.all()).isZero();
        assertThat(damaged.out()).matches("0 findings in 1 target \\(.*\\) in \\d+ ms\\R");
        assertThat(damaged.err()).isEmpty();

        // a new jar (install again) drops the archives made for the old one
        Run again = run(tmp, java(), "-jar", dev.leakgate.testing.Jar.path().toAbsolutePath().toString(), "install", "--user");
        assertThat(again.exit()).as(again.all()).isZero();
        assertThat(archive).doesNotExist();
        assertThat(stamp).doesNotExist();
    }

    private static void waitFor(java.util.function.BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the archive was not made within 180 s");
            }
            Thread.sleep(200);
        }
    }
}
