package dev.leakgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leakgate.source.TestRepo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstallCommandTest {
    @TempDir
    Path tmp;

    @Test
    void installsBothHooksKeepsAnExistingOneAndRecordsTheJar() throws IOException {
        TestRepo r = TestRepo.init(tmp.resolve("repo"));
        Path jar = Files.writeString(tmp.resolve("leakgate.jar"), "not really a jar");
        Path hooks = r.dir.resolve(".git/hooks");
        Files.createDirectories(hooks);
        Files.writeString(hooks.resolve("pre-commit"), "#!/bin/sh\necho mine\n");
        Cli res = Cli.run("install", "-C", r.dir.toString(), "--jar", jar.toString());
        assertThat(res.exit()).as(res.toString()).isZero();
        assertThat(Files.readString(hooks.resolve("pre-commit.local"))).contains("echo mine");
        assertThat(Files.readString(hooks.resolve("pre-commit"))).contains("leakgate-hook:").contains("pre-commit.local");
        assertThat(Files.readString(hooks.resolve("pre-push"))).contains("leakgate-hook:");
        assertThat(Files.isExecutable(hooks.resolve("pre-commit"))).isTrue();
        // kept as it was: git did not run it (not executable), so ours does not either
        assertThat(Files.isExecutable(hooks.resolve("pre-commit.local"))).isFalse();
        assertThat(r.git("config", "--get", "leakgate.jar").trim()).isEqualTo(jar.toString());

        // again: our hooks are updated in place, the kept one stays as it is
        Cli again = Cli.run("install", "-C", r.dir.toString(), "--jar", jar.toString());
        assertThat(again.exit()).as(again.toString()).isZero();
        assertThat(Files.readString(hooks.resolve("pre-commit.local"))).contains("echo mine");
    }

    @Test
    void honoursCoreHooksPath() {
        TestRepo r = TestRepo.init(tmp.resolve("repo"));
        r.git("config", "core.hooksPath", "tools/hooks");
        Cli res = Cli.run("install", "-C", r.dir.toString(), "--jar", tmp.resolve("repo/.git/HEAD").toString());
        assertThat(res.exit()).as(res.toString()).isZero();
        assertThat(r.dir.resolve("tools/hooks/pre-commit")).exists();
        assertThat(r.dir.resolve(".git/hooks/pre-commit")).doesNotExist();
    }

    @Test
    void withoutAJarItIsAUsageError() {
        // with a jar installed for this user (install --user), the hooks would run that one
        org.junit.jupiter.api.Assumptions.assumeFalse(Files.exists(dev.leakgate.install.UserInstall.fromEnvironment().jar()));
        TestRepo r = TestRepo.init(tmp.resolve("repo"));
        Cli res = Cli.run("install", "-C", r.dir.toString());
        assertThat(res.exit()).isEqualTo(2);
        assertThat(res.err()).contains("--jar");
    }

    @Test
    void uninstallRemovesOurHooksPutsBackTheKeptOneAndLeavesOthersAlone() throws IOException {
        TestRepo r = TestRepo.init(tmp.resolve("repo"));
        Path jar = Files.writeString(tmp.resolve("leakgate.jar"), "not really a jar");
        Path hooks = r.dir.resolve(".git/hooks");
        Files.createDirectories(hooks);
        Files.writeString(hooks.resolve("pre-commit"), "#!/bin/sh\necho mine\n");
        assertThat(Cli.run("install", "-C", r.dir.toString(), "--jar", jar.toString()).exit()).isZero();
        // someone replaced our pre-push hook with their own since: it is theirs now
        Files.writeString(hooks.resolve("pre-push"), "#!/bin/sh\necho theirs\n");

        Cli res = Cli.run("uninstall", "-C", r.dir.toString());
        assertThat(res.exit()).as(res.toString()).isZero();
        assertThat(Files.readString(hooks.resolve("pre-commit"))).isEqualTo("#!/bin/sh\necho mine\n");
        assertThat(hooks.resolve("pre-commit.local")).doesNotExist();
        assertThat(Files.readString(hooks.resolve("pre-push"))).isEqualTo("#!/bin/sh\necho theirs\n");
        assertThat(res.err()).contains("pre-push is not leakgate's: left as it is").contains("unset git config leakgate.jar");
        assertThat(Files.readString(r.dir.resolve(".git/config"))).doesNotContain("leakgate");

        Cli again = Cli.run("uninstall", "-C", r.dir.toString());
        assertThat(again.exit()).as(again.toString()).isZero();
        assertThat(again.err()).contains("pre-commit is not leakgate's");
    }

    @Test
    void uninstallWithNothingInstalledSaysSo() {
        TestRepo r = TestRepo.init(tmp.resolve("repo"));
        Cli res = Cli.run("uninstall", "-C", r.dir.toString());
        assertThat(res.exit()).as(res.toString()).isZero();
        assertThat(res.err()).contains("no leakgate hooks in");
    }

    @Test
    void uninstallOutsideARepositoryIsExit3WithOneLine() {
        Cli res = Cli.run("uninstall", "-C", tmp.toString());
        assertThat(res.exit()).isEqualTo(3);
        assertThat(res.err()).startsWith("leakgate: not a git repository").doesNotContain("Exception");
    }
}
