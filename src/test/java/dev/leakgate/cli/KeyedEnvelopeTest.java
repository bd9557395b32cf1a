package dev.leakgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leakgate.source.TestRepo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keyed envelope verification through the CLI, on files the real age CLI wrote (test-fixtures/keyed) and on
 * the sops fixtures: what a key proves, what it does not, and that neither a plaintext nor a key is printed.
 */
class KeyedEnvelopeTest {
    private static final Path FIXTURE = Path.of("test-fixtures/keyed");
    private static final Path KEYS = FIXTURE.resolve("keys");
    private static final Path SOPS_KEY = Path.of("test-fixtures/sops/keys/sops-nix-test-age-identity.txt");
    private static final String MARKER = "LEAKGATE-KEYED-PLAINTEXT";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    /** The envelopes, copied out of this repository (whose policy allows test-fixtures/**). */
    private Path keyed;

    @org.junit.jupiter.api.BeforeEach
    void copy() throws Exception {
        keyed = tmp.resolve("keyed");
        for (String dir : List.of("valid", "corrupt", "sops")) {
            Files.createDirectories(keyed.resolve(dir));
            try (var files = Files.list(FIXTURE.resolve(dir))) {
                for (Path f : files.toList()) {
                    Files.copy(f, keyed.resolve(dir).resolve(f.getFileName()));
                }
            }
        }
        for (String f : List.of("mac-tampered__secrets.yaml", "values-swapped__secrets.yaml",
                "lastmodified-changed__secrets.yaml", "value-from-other-file__secrets.yaml")) {
            Files.copy(Path.of("test-fixtures/sops/invalid").resolve(f), keyed.resolve("sops").resolve(f));
        }
    }

    private static String[] allKeys() {
        return new String[] {"--identity", KEYS.resolve("alice.txt").toString(), "--identity", KEYS.resolve("ssh_ed25519").toString(),
            "--identity", KEYS.resolve("ssh_rsa").toString(), "--passphrase-file", KEYS.resolve("passphrase.txt").toString()};
    }

    /** The keys, less the passphrase: scrypt costs seconds a file, and one test of it is enough. */
    private static String[] fastKeys() {
        return java.util.Arrays.copyOf(allKeys(), 6);
    }

    private static Cli run(List<String> args, String... more) {
        List<String> all = new ArrayList<>(args);
        all.addAll(List.of(more));
        return Cli.run(all.toArray(String[]::new));
    }

    /** file name → reason of each finding. */
    private static Map<String, List<String>> reasons(Cli r) throws Exception {
        Map<String, List<String>> out = new TreeMap<>();
        for (JsonNode f : JSON.readTree(r.out()).get("findings")) {
            out.computeIfAbsent(Path.of(f.get("path").asText()).getFileName().toString(), k -> new ArrayList<>())
                    .add(f.get("description").asText().split(":", 2)[0]);
        }
        return out;
    }

    /** Nothing a key opens, and nothing of a key, in any output. */
    private static Cli assertNothingPrivate(Cli r) throws Exception {
        List<String> secrets = new ArrayList<>(List.of(MARKER, "leakgate test-only passphrase"));
        for (String f : List.of("alice.txt", "bob.txt", "carol.txt", "ssh_ed25519", "ssh_rsa")) {
            for (String line : Files.readAllLines(KEYS.resolve(f))) {
                if (!line.startsWith("#") && !line.startsWith("-----") && line.length() > 20) {
                    secrets.add(line);
                }
            }
        }
        for (String line : Files.readAllLines(SOPS_KEY)) {
            if (line.startsWith("AGE-SECRET-KEY-")) {
                secrets.add(line);
            }
        }
        return r.assertNoSecret(secrets.toArray(String[]::new));
    }

    @Test
    void everyFileAgeWroteOpensWithItsKeyAndIsCountedVerified() throws Exception {
        Cli r = run(List.of("envelope", keyed.resolve("valid").toString(), "--format", "json"), allKeys());
        assertThat(r.exit()).as(r.toString()).isZero();
        JsonNode stats = JSON.readTree(r.out()).get("stats");
        assertThat(stats.get("verified").asInt()).isEqualTo(14);
        assertThat(stats.has("notVerified")).isFalse();
        assertNothingPrivate(r);

        Cli keyless = Cli.run("envelope", keyed.resolve("valid").toString(), "--format", "json");
        assertThat(keyless.exit()).isZero();
        assertThat(JSON.readTree(keyless.out()).get("stats").has("verified")).isFalse();
    }

    @Test
    void aFileNoIdentityOpensIsNotVerifiedNotInvalidUnlessRequired() throws Exception {
        List<String> bob = List.of("envelope", keyed.resolve("valid").toString(), "--format", "json",
                "--identity", KEYS.resolve("bob.txt").toString());
        Cli r = run(bob);
        assertThat(r.exit()).as(r.toString()).isZero();
        JsonNode stats = JSON.readTree(r.out()).get("stats");
        assertThat(stats.get("verified").asInt()).isEqualTo(2); // multi.age, mixed.age
        assertThat(stats.get("notVerified").asInt()).isEqualTo(12);

        // --verbose names each file no identity opened; the text summary counts both kinds
        List<String> verbose = new java.util.ArrayList<>(bob);
        verbose.set(verbose.indexOf("json"), "text");
        Cli named = run(verbose, "--verbose");
        assertThat(named.exit()).as(named.toString()).isZero();
        assertThat(named.err().lines().filter(l -> l.startsWith("leakgate: not verified ")).count()).isEqualTo(12);
        assertThat(named.err()).doesNotContain("not verified multi.age").doesNotContain("not verified mixed.age");
        assertThat(named.out()).contains("2 envelopes verified with a key, 12 not verified");

        Cli required = run(bob, "--require-verified");
        assertThat(required.exit()).isEqualTo(1);
        Map<String, List<String>> got = reasons(required);
        assertThat(got).hasSize(12).doesNotContainKeys("multi.age", "mixed.age");
        assertThat(got.values()).allMatch(v -> v.equals(List.of("not-verified")));

        Cli noKey = Cli.run("envelope", keyed.resolve("valid").toString(), "--require-verified");
        assertThat(noKey.exit()).isEqualTo(2);
        assertThat(noKey.err()).contains("--require-verified needs an identity");
    }

    @Test
    void everyCorruptionIsReportedWithItsReasonOnlyWithTheKey() throws Exception {
        Cli keyless = Cli.run("envelope", keyed.resolve("corrupt").toString(), "--format", "json");
        assertThat(keyless.exit()).as("only a key can judge these: " + keyless).isZero();

        Cli r = run(List.of("envelope", keyed.resolve("corrupt").toString(), "--format", "json",
                "--identity", KEYS.resolve("alice.txt").toString()));
        assertThat(r.exit()).isEqualTo(1);
        Map<String, List<String>> expected = new TreeMap<>();
        expected.put("cut-at-chunk-boundary.age", List.of("payload-truncated"));
        expected.put("final-chunk-dropped.age", List.of("payload-truncated"));
        expected.put("tampered-chunk.age", List.of("payload-tampered"));
        expected.put("tampered-last-chunk.age", List.of("payload-tampered"));
        expected.put("trailing-chunk-after-full-final.age", List.of("trailing-data"));
        expected.put("trailing-chunk-after-short-final.age", List.of("payload-tampered"));
        expected.put("trailing-byte.age", List.of("payload-tampered"));
        expected.put("stanzas-reordered.age", List.of("header-mac-mismatch"));
        expected.put("stanza-body-char-changed.age", List.of("header-mac-mismatch"));
        expected.put("extra-stanza.age", List.of("header-mac-mismatch"));
        expected.put("mac-changed.age", List.of("header-mac-mismatch"));
        assertThat(reasons(r)).isEqualTo(expected);
        assertNothingPrivate(r);
    }

    @Test
    void sopsFilesAreOpenedAndTheirMacCheckedInEveryStore() throws Exception {
        Cli keyless = Cli.run("envelope", keyed.resolve("sops").toString(), "--format", "json");
        assertThat(keyless.exit()).as("only a key can judge these: " + keyless).isZero();
        assertThat(JSON.readTree(keyless.out()).get("stats").get("targets").asInt()).isEqualTo(13);

        Cli r = Cli.run("envelope", keyed.resolve("sops").toString(), "--format", "json", "--identity", SOPS_KEY.toString());
        assertThat(r.exit()).isEqualTo(1);
        Map<String, List<String>> got = reasons(r);
        assertThat(got).doesNotContainKey("valid-binary-store.txt");
        assertThat(got.get("values-swapped.json")).containsOnly("value-does-not-decrypt");
        assertThat(got.get("value-from-other-file.ini")).containsOnly("value-does-not-decrypt");
        assertThat(got.get("value-moved.bin")).containsOnly("value-does-not-decrypt");
        assertThat(got.get("lastmodified-edited.env")).containsExactly("sops-mac-mismatch");
        assertThat(got.get("clear-value-edited.yaml")).containsExactly("sops-mac-mismatch");
        assertThat(got.get("mac-changed.yaml")).containsExactly("sops-mac-mismatch");
        assertThat(got.get("mac-tampered__secrets.yaml")).containsExactly("sops-mac-mismatch");
        assertThat(got.get("lastmodified-changed__secrets.yaml")).containsExactly("sops-mac-mismatch");
        assertThat(got.get("values-swapped__secrets.yaml")).containsOnly("value-does-not-decrypt");
        assertThat(got.get("value-from-other-file__secrets.yaml")).containsOnly("value-does-not-decrypt");
        assertThat(got).doesNotContainKeys("shamir-2-groups.json", "shamir-second-group-alice.json");
        JsonNode stats = JSON.readTree(r.out()).get("stats");
        assertThat(stats.get("verified").asInt()).isEqualTo(12);
        assertThat(stats.get("notVerified").asInt()).as("a Shamir share short of the threshold").isEqualTo(1);
        assertNothingPrivate(r);

        Cli both = Cli.run("envelope", keyed.resolve("sops").toString(), "--format", "json", "--identity", SOPS_KEY.toString(),
                "--identity", KEYS.resolve("alice.txt").toString());
        assertThat(JSON.readTree(both.out()).get("stats").get("verified").asInt()).isEqualTo(13);
        assertThat(reasons(both)).doesNotContainKeys("shamir-2-groups.json", "shamir-second-group-alice.json");
        assertNothingPrivate(r);
    }

    @Test
    void noFormatNorDebugPrintsAPlaintextOrAKey() throws Exception {
        for (String format : List.of("text", "json", "sarif", "junit")) {
            Path report = tmp.resolve("report." + format);
            Cli r = run(List.of("envelope", keyed.toString(), "--format", format, "--debug", "--identity", SOPS_KEY.toString()),
                    fastKeys());
            assertThat(r.exit()).isEqualTo(1);
            assertNothingPrivate(r);
            Cli toFile = run(List.of("envelope", keyed.toString(), "--format", format, "--report", report.toString()), fastKeys());
            assertThat(toFile.exit()).isEqualTo(1);
            assertNothingPrivate(new Cli(0, Files.readString(report, StandardCharsets.UTF_8), ""));
        }
    }

    @Test
    void identityFilesAgeCannotUseAreAClearUsageError() throws Exception {
        Path garbage = tmp.resolve("garbage.txt");
        Files.writeString(garbage, "# a comment\nAGE-SECRET-KEY-1NOTAKEYATALLNOTAKEYATALLNOTAKEYATALLNOTAKEYATALLQQ\n");
        Path plugin = tmp.resolve("plugin.txt");
        Files.writeString(plugin, "AGE-PLUGIN-YUBIKEY-1QQQQQQQQQQQQQQQQQQQQQQ\n");
        for (Path bad : List.of(garbage, plugin, KEYS.resolve("ssh_ed25519_encrypted"), tmp.resolve("missing.txt"))) {
            Cli r = Cli.run("envelope", keyed.resolve("valid").toString(), "--identity", bad.toString());
            assertThat(r.exit()).as(r.toString()).isEqualTo(2);
            assertThat(r.err()).startsWith("leakgate: " + bad).doesNotContain("NOTAKEY").doesNotContain("Exception");
            Cli debug = Cli.run("envelope", keyed.resolve("valid").toString(), "--identity", bad.toString(), "--debug");
            assertThat(debug.err()).doesNotContain("NOTAKEY").doesNotContain("QQQQQQQQ");
            assertNothingPrivate(debug);
        }
        Cli encrypted = Cli.run("envelope", keyed.resolve("valid").toString(), "--identity", KEYS.resolve("ssh_ed25519_encrypted").toString());
        assertThat(encrypted.err()).contains("passphrase-protected");
    }

    @Test
    void theGitModesAndScanVerifyWithTheKeyToo() throws Exception {
        TestRepo repo = TestRepo.init(tmp.resolve("repo"));
        repo.write("README.md", "fleet\n");
        repo.write("secrets/db.age", Files.readAllBytes(FIXTURE.resolve("valid/x25519-65537.age")));
        String base = repo.commitAll("base");
        repo.write("secrets/db.age", Files.readAllBytes(FIXTURE.resolve("corrupt/final-chunk-dropped.age")));
        repo.write("secrets/wg.age", Files.readAllBytes(FIXTURE.resolve("corrupt/stanzas-reordered.age")));
        repo.add("secrets/db.age", "secrets/wg.age");
        String alice = KEYS.resolve("alice.txt").toAbsolutePath().toString();
        String dir = repo.dir.toString();

        assertThat(Cli.run("staged", "-C", dir).exit()).isZero();
        Cli staged = Cli.run("staged", "-C", dir, "--identity", alice, "--format", "json");
        assertThat(reasons(staged)).containsOnlyKeys("db.age", "wg.age");

        assertThat(Cli.run("scan", dir).exit()).isZero();
        Cli scan = Cli.run("scan", dir, "--identity", alice, "--format", "json");
        assertThat(reasons(scan)).containsOnlyKeys("db.age", "wg.age");

        repo.commit("rotate");
        assertThat(Cli.run("gate", "-C", dir, "--base", base).exit()).isZero();
        Cli gate = Cli.run("gate", "-C", dir, "--base", base, "--identity", alice, "--format", "json");
        assertThat(gate.exit()).isEqualTo(1);
        assertThat(reasons(gate).get("db.age")).containsExactly("payload-truncated");

        assertThat(Cli.run("audit", "-C", dir).exit()).isZero();
        Cli audit = Cli.run("audit", "-C", dir, "--identity", alice, "--format", "json");
        assertThat(audit.exit()).isEqualTo(1);
        assertThat(reasons(audit).get("wg.age")).containsExactly("header-mac-mismatch");
        assertNothingPrivate(audit);
    }
}
