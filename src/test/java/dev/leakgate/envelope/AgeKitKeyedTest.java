package dev.leakgate.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leakgate.identity.Identities;
import dev.leakgate.identity.Identity;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every vector of the CCTV age kit, with the identities and passphrases it names: success must open and pass,
 * "no match" must pass unopened (nothing to judge it by), every failure must be reported. Vectors whose only
 * identities are post-quantum ones (age 1.3 hybrid keys) are outside what leakgate opens and are skipped.
 */
class AgeKitKeyedTest {
    private static final Path KIT = Path.of("test-fixtures/age-testkit");

    record Vector(String name, String expect, List<String> identities, List<String> passphrases) {
        @Override
        public String toString() {
            return name + " (" + expect + ")";
        }
    }

    static Stream<Vector> vectors() throws Exception {
        List<Vector> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(KIT)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".expect")).sorted().toList()) {
                String expect = null;
                List<String> ids = new ArrayList<>();
                List<String> pass = new ArrayList<>();
                for (String line : Files.readAllLines(p)) {
                    if (line.startsWith("expect: ")) {
                        expect = line.substring(8);
                    } else if (line.startsWith("identity: AGE-SECRET-KEY-1")) {
                        ids.add(line.substring(10));
                    } else if (line.startsWith("passphrase: ")) {
                        pass.add(line.substring(12));
                    }
                }
                if (!ids.isEmpty() || !pass.isEmpty()) {
                    out.add(new Vector(p.getFileName().toString().replace(".expect", ""), expect, ids, pass));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void keyedVerdictAgreesWithTheKit(Vector v, @org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        List<Identity> ids = new ArrayList<>();
        if (!v.identities().isEmpty()) {
            ids.addAll(Identities.fromText(String.join("\n", v.identities()), "kit"));
        }
        for (String p : v.passphrases()) {
            Path f = tmp.resolve("pass");
            Files.write(f, p.getBytes(StandardCharsets.UTF_8));
            ids.add(Identities.passphrase(f));
        }
        byte[] bytes = Files.readAllBytes(KIT.resolve(v.name() + ".age"));
        EnvelopeResult r = EnvelopeValidator.check(v.name() + ".age", bytes, ids);
        switch (v.expect()) {
            case "success" -> {
                assertThat(r.problems()).isEmpty();
                assertThat(r.verification()).isEqualTo(EnvelopeResult.Verification.OPENED);
            }
            case "no match" -> {
                assertThat(r.problems()).isEmpty();
                assertThat(r.verification()).isEqualTo(EnvelopeResult.Verification.NOT_OPENED);
            }
            default -> assertThat(r.problems()).as("a failure the kit expects").isNotEmpty();
        }
    }
}
