package dev.leakgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** --max-file-size takes a positive number of bytes on every command that has it. */
class MaxFileSizeTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} --max-file-size {1}")
    @CsvSource(delimiter = '|', textBlock = """
            scan     | 0
            scan     | -1
            scan     | -10485760
            envelope | 0
            envelope | -1
            staged   | 0
            gate     | -1
            audit    | 0
            audit    | 12MB
            """)
    void aLimitThatIsNotAPositiveNumberIsAUsageError(String command, String limit) throws Exception {
        Git.init().setDirectory(dir.toFile()).call().close();
        String[] args = switch (command) {
            case "scan", "envelope" -> new String[] {command, dir.toString(), "--max-file-size", limit};
            case "gate" -> new String[] {command, "-C", dir.toString(), "--root", "--max-file-size", limit};
            default -> new String[] {command, "-C", dir.toString(), "--max-file-size", limit};
        };
        Cli r = Cli.run(args);
        assertThat(r.exit()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).startsWith("leakgate: Invalid value for option '--max-file-size'").doesNotContain("Exception");
    }
}
