package dev.leakgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulesCommandTest {
    @Test
    void listPrintsIdKindDescription() {
        Cli r = Cli.run("rules", "list");
        assertThat(r.exit()).isZero();
        assertThat(r.out().lines()).allMatch(l -> l.split("\t").length == 3);
        assertThat(r.out()).contains("github-pat\tsecret\t");
    }

    @Test
    void checkPassesOnBuiltinsAndNamesAFailingRule(@TempDir Path dir) throws Exception {
        assertThat(Cli.run("rules", "check").exit()).isZero();
        Path cfg = dir.resolve("cfg.yaml");
        Files.writeString(cfg, "rules:\n  - id: broken-example\n    pattern: 'brk_[0-9]{8}'\n    keywords: [brk_]\n"
                + "    examples: ['brk_1234']\n");
        Cli r = Cli.run("rules", "check", "--config", cfg.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("FAIL broken-example: example 1 does not match");
    }
}
