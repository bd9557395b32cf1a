package dev.leakgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leakgate.source.TestRepo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fleet policy in every git mode: the same sops-nix style repository, committed in three
 * steps (a clean base; the leaks; removal of the identity file and the plaintext secret), then
 * checked by staged, gate and audit. Findings are compared exactly, with the commit each carries.
 */
class FleetGitModesTest {
    @TempDir
    Path tmp;

    private TestRepo repo;
    private String base;
    private String leaks;

    private static final String KEY_TXT_RECIPIENT = "age-recipient hosts/db01/key.txt:2";
    private static final String KEY_TXT_IDENTITY = "age-secret-key hosts/db01/key.txt:3";
    private static final String PLAIN = "envelope-invalid secrets/plain.yaml";

    private static final List<String> SOPS_YAML_INVENTORY = FleetEndToEndTest.SOPS_YAML_INVENTORY;
    private static final String WEB01_CACHE_KEY = "nix-cache-public-key hosts/web01/default.nix:"
            + Fleet.line(Fleet.WEB01, "nix-cache.fleet.internal-1");
    private static final List<String> DB01 = List.of(
            "ssh-public-key hosts/db01/default.nix:" + Fleet.line(Fleet.DB01, "ssh-ed25519"),
            "wireguard-key hosts/db01/default.nix:" + Fleet.line(Fleet.DB01, "privateKey ="));
    private static final List<String> BROKEN_ENVELOPES = List.of(
            "envelope-invalid secrets/leaky.yaml:1",
            "envelope-invalid secrets/truncated.age");
    private static final List<String> DRIFT = FleetEndToEndTest.drift("");

    @BeforeEach
    void fleet() {
        repo = TestRepo.init(tmp.resolve("fleet"));
        Fleet.buildBase(repo.dir, true);
        base = repo.commitAll("fleet: web01");
        Fleet.plantLeaks(repo.dir);
        leaks = repo.commitAll("fleet: db01");
        repo.git("rm", "-q", "hosts/db01/key.txt", "secrets/plain.yaml");
        repo.commit("remove what should never have been committed");
    }

    /** "ruleId path[:line]" → the commit it carries ("-" for none), one entry per finding. */
    private static Map<String, List<String>> byLocation(Cli r) {
        Map<String, List<String>> out = new TreeMap<>();
        for (JsonNode f : Json.findings(r)) {
            String loc = f.get("ruleId").asText() + " " + f.get("path").asText() + (f.hasNonNull("line") ? ":" + f.get("line").asInt() : "");
            out.computeIfAbsent(loc, k -> new ArrayList<>()).add(f.hasNonNull("commit") ? f.get("commit").asText() : "-");
        }
        return out;
    }

    private static void expect(Map<String, List<String>> expected, List<String> locations, String commit) {
        for (String l : locations) {
            expected.computeIfAbsent(l, k -> new ArrayList<>()).add(commit);
        }
    }

    private static Cli run(String... args) {
        return Cli.run(args).assertNoSecret(Fleet.PLAIN.strip().substring("db_password: ".length()),
                "j7IskiFrU+ISIr6LQEJ6ovQbtHksNObzyL9eUZdSc5c", "HT80LMH7ALKYSP63DTA6VHJEMMG2SPYQM0DK6JW3LTVXCDQKPNTQ83LSPL",
                "age1yt3tfqlfrwdwx0z0ynwplcr6qxcxfaqycuprpmy89nr83ltx74tqdpszlw");
    }

    @Test
    void gateReportsThePublishedTreeAndWhatHistoryAloneStillHolds() {
        Cli r = run("gate", "-C", repo.dir.toString(), "--base", base, "--format", "json");
        Map<String, List<String>> expected = new TreeMap<>();
        // Already published at the base: still in the tree, no commit in the range introduced it.
        expect(expected, SOPS_YAML_INVENTORY, "-");
        expect(expected, List.of(WEB01_CACHE_KEY), "-");
        // Introduced in the range and still there.
        expect(expected, DB01, leaks);
        expect(expected, BROKEN_ENVELOPES, leaks);
        // Drift is checked on the tree to be published, against today's .sops.yaml.
        expect(expected, DRIFT, "-");
        // Removed again, but the published history holds them.
        expect(expected, List.of(KEY_TXT_RECIPIENT, KEY_TXT_IDENTITY, PLAIN), leaks);
        assertThat(byLocation(r)).as(r.toString()).isEqualTo(expected);
        assertThat(r.exit()).isEqualTo(1);
    }

    @Test
    void gateOverNothingNewStillShowsWhatTheTreePublishes() {
        Cli r = run("gate", "-C", repo.dir.toString(), "--base", "HEAD", "--format", "json");
        assertThat(byLocation(r)).as(r.toString()).isEqualTo(published(true));
    }

    /** What a gate over nothing new reports: the tree at HEAD, drift held to the .sops.yaml there when it has one. */
    private static Map<String, List<String>> published(boolean withSopsYaml) {
        Map<String, List<String>> expected = new TreeMap<>();
        if (withSopsYaml) {
            expect(expected, SOPS_YAML_INVENTORY, "-");
            expect(expected, DRIFT, "-");
        }
        expect(expected, List.of(WEB01_CACHE_KEY), "-");
        expect(expected, DB01, "-");
        expect(expected, BROKEN_ENVELOPES, "-");
        return expected;
    }

    /** The fleet's .sops.yaml the other way round: db01's rule lists all four recipients, web01's only one. */
    private static final String SWAPPED_SOPS_YAML = Fleet.SOPS_YAML
            .replace("secrets/web01\\.yaml$", "secrets/TMP\\.yaml$")
            .replace("secrets/db01\\.yaml$", "secrets/web01\\.yaml$")
            .replace("secrets/TMP\\.yaml$", "secrets/db01\\.yaml$");

    @Test
    void gateHoldsTheTreeToTheSopsYamlOfHeadNotOfTheWorkTree() {
        // A CI checkout of another commit, or an edit not yet committed: the gate publishes HEAD.
        repo.write(".sops.yaml", SWAPPED_SOPS_YAML);
        Cli r = run("gate", "-C", repo.dir.toString(), "--base", "HEAD", "--format", "json");
        assertThat(byLocation(r)).as(r.toString()).isEqualTo(published(true));

        repo.git("checkout", "-q", ".sops.yaml");
        String swapped = repo.write(".sops.yaml", SWAPPED_SOPS_YAML).commitAll("swap the creation rules");
        repo.git("checkout", "-q", "HEAD~1");
        Cli head = run("gate", "-C", repo.dir.toString(), "--base", swapped, "--head", swapped, "--format", "json");
        Map<String, List<String>> expected = published(true);
        expected.remove(DRIFT.get(0));
        expect(expected, List.of("sops-recipient-drift secrets/web01.yaml", "sops-recipient-drift secrets/web01.yaml",
                "sops-recipient-drift secrets/web01.yaml"), "-");
        assertThat(byLocation(head)).as(head.toString()).isEqualTo(expected);
    }

    @Test
    void gateOnABareRepositoryReadsTheSopsYamlOfHead() {
        TestRepo bare = new TestRepo(tmp.resolve("fleet.git"));
        repo.git("clone", "-q", "--bare", repo.dir.toString(), bare.dir.toString());
        Cli r = run("gate", "-C", bare.dir.toString(), "--base", "HEAD", "--format", "json");
        assertThat(byLocation(r)).as(r.toString()).isEqualTo(published(true));
    }

    @Test
    void aSopsYamlHeadDroppedIsNotReadFromTheCheckoutButOneGitNeverTrackedIs() {
        repo.git("rm", "-q", ".sops.yaml");
        String dropped = repo.commit("keep .sops.yaml out of the repository");
        repo.git("checkout", "-q", "HEAD~1");
        Cli stale = run("gate", "-C", repo.dir.toString(), "--base", dropped, "--head", dropped, "--format", "json");
        assertThat(byLocation(stale)).as(stale.toString()).isEqualTo(published(false));

        // Kept beside the repository's files but out of git (ignored): only the disk has it.
        repo.git("checkout", "-q", dropped);
        repo.write(".sops.yaml", Fleet.SOPS_YAML);
        Cli untracked = run("gate", "-C", repo.dir.toString(), "--base", "HEAD", "--format", "json");
        Map<String, List<String>> expected = published(false);
        expect(expected, DRIFT, "-");
        assertThat(byLocation(untracked)).as(untracked.toString()).isEqualTo(expected);
    }

    @Test
    void aSopsYamlOfHeadThatCannotServeIsOneLine() throws Exception {
        String broken = repo.write(".sops.yaml", "creation_rules: {path_regex: x}\n").commitAll("break the creation rules");
        repo.git("checkout", "-q", "HEAD~1");
        Cli r = run("gate", "-C", repo.dir.toString(), "--base", broken, "--head", broken);
        assertThat(r.exit()).as(r.toString()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("leakgate: .sops.yaml in " + broken + ": .sops.yaml creation_rules is not a list");

        repo.git("checkout", "-q", "main");
        repo.git("rm", "-q", ".sops.yaml");
        repo.git("commit", "-q", "-m", "no .sops.yaml");
        repo.git("checkout", "-q", "HEAD~1");
        Cli named = run("gate", "-C", repo.dir.toString(), "--base", "main", "--head", "main",
                "--sops-config", repo.dir.resolve(".sops.yaml").toString());
        assertThat(named.exit()).as(named.toString()).isEqualTo(2);
        assertThat(named.err().strip()).isEqualTo("leakgate: --sops-config: .sops.yaml is not in main");

        repo.git("checkout", "-q", "main");
        Files.createSymbolicLink(repo.dir.resolve(".sops.yaml"), Path.of("hosts/web01/default.nix"));
        repo.git("add", ".sops.yaml");
        repo.git("commit", "-q", "-m", "a link");
        Cli link = run("gate", "-C", repo.dir.toString(), "--base", "HEAD");
        assertThat(link.exit()).as(link.toString()).isEqualTo(3);
        assertThat(link.err().strip()).isEqualTo("leakgate: .sops.yaml in HEAD is a symbolic link; make it a regular file");
    }

    @Test
    void auditReportsEveryLeakEverCommittedOnceWithTheCommitThatIntroducedIt() {
        Cli r = run("audit", "-C", repo.dir.toString(), "--format", "json");
        assertThat(byLocation(r)).as(r.toString()).isEqualTo(audited());
        assertThat(r.exit()).isEqualTo(1);
    }

    /** What the audit of the fleet reports. */
    private Map<String, List<String>> audited() {
        Map<String, List<String>> expected = new TreeMap<>();
        expect(expected, SOPS_YAML_INVENTORY, base);
        expect(expected, List.of(WEB01_CACHE_KEY), base);
        expect(expected, DB01, leaks);
        expect(expected, BROKEN_ENVELOPES, leaks);
        expect(expected, List.of(KEY_TXT_RECIPIENT, KEY_TXT_IDENTITY, PLAIN), leaks);
        // No drift in an audit: past versions were encrypted to the recipients of their day.
        return expected;
    }

    @Test
    void auditChecksNoDriftNotEvenInATreeOnlyATagReachesAndReadsNoSopsYaml() {
        // secrets/app.yaml (encrypted to alice alone) at web01's path, in a tree only a tag reaches:
        // its blob carries no commit there, yet it is history, not the tree to publish. Checked for
        // drift, web01's creation rule (four recipients) would make it three findings.
        String blob = repo.git("rev-parse", "HEAD:secrets/app.yaml").trim();
        String secrets = repo.gitInput(("100644 blob " + blob + "\tweb01.yaml\n").getBytes(StandardCharsets.UTF_8), "mktree").trim();
        String tree = repo.gitInput(("040000 tree " + secrets + "\tsecrets\n").getBytes(StandardCharsets.UTF_8), "mktree").trim();
        repo.git("tag", "tree-only", tree);
        Cli r = run("audit", "-C", repo.dir.toString(), "--format", "json");
        assertThat(byLocation(r)).as(r.toString()).isEqualTo(audited());

        // Nor is a .sops.yaml it never uses a reason to fail.
        repo.write(".sops.yaml", "creation_rules: {path_regex: x}\n");
        Cli broken = run("audit", "-C", repo.dir.toString(), "--format", "json");
        assertThat(byLocation(broken)).as(broken.toString()).isEqualTo(audited());
        assertThat(broken.exit()).isEqualTo(1);
    }

    @Test
    void stagedReportsWhatTheNextCommitWouldAdd() {
        TestRepo fresh = TestRepo.init(tmp.resolve("fresh"));
        Fleet.build(fresh.dir, true);
        fresh.git("add", "-A");
        Cli r = run("staged", "-C", fresh.dir.toString(), "--format", "json");
        assertThat(byLocation(r)).as(r.toString()).isEqualTo(stagedFleet(DRIFT));
        assertThat(r.exit()).isEqualTo(1);
    }

    /** What staging the whole fleet reports, with {@code drift}. */
    private static Map<String, List<String>> stagedFleet(List<String> drift) {
        Map<String, List<String>> expected = new TreeMap<>();
        expect(expected, SOPS_YAML_INVENTORY, "-");
        expect(expected, List.of(WEB01_CACHE_KEY), "-");
        expect(expected, DB01, "-");
        expect(expected, BROKEN_ENVELOPES, "-");
        expect(expected, drift, "-");
        expect(expected, List.of(KEY_TXT_RECIPIENT, KEY_TXT_IDENTITY, PLAIN), "-");
        return expected;
    }

    @Test
    void stagedHoldsStagedSopsFilesToTheStagedSopsYamlNotTheWorkTrees() {
        TestRepo fresh = TestRepo.init(tmp.resolve("fresh"));
        Fleet.build(fresh.dir, true);
        fresh.git("add", "-A");
        fresh.write(".sops.yaml", SWAPPED_SOPS_YAML);
        Cli r = run("staged", "-C", fresh.dir.toString(), "--format", "json");
        assertThat(byLocation(r)).as(r.toString()).isEqualTo(stagedFleet(DRIFT));

        fresh.add(".sops.yaml");
        fresh.write(".sops.yaml", Fleet.SOPS_YAML);
        Cli swapped = run("staged", "-C", fresh.dir.toString(), "--format", "json");
        assertThat(byLocation(swapped)).as(swapped.toString()).isEqualTo(stagedFleet(List.of(
                "sops-recipient-drift secrets/web01.yaml", "sops-recipient-drift secrets/web01.yaml",
                "sops-recipient-drift secrets/web01.yaml")));
    }

    @Test
    void aStagedSopsYamlRechecksTheDriftOfTheSopsFilesTheCommitLeavesAsTheyAre() {
        repo.write(".sops.yaml", SWAPPED_SOPS_YAML);
        Cli unstaged = run("staged", "-C", repo.dir.toString(), "--format", "json");
        assertThat(byLocation(unstaged)).as(unstaged.toString()).isEmpty();

        // The commit would publish creation rules web01.yaml no longer matches (and db01.yaml now
        // does). Only drift is checked again: the files' other defects are not the commit's doing.
        repo.add(".sops.yaml");
        Cli r = run("staged", "-C", repo.dir.toString(), "--format", "json");
        Map<String, List<String>> expected = new TreeMap<>();
        expect(expected, List.of("sops-recipient-drift secrets/web01.yaml", "sops-recipient-drift secrets/web01.yaml",
                "sops-recipient-drift secrets/web01.yaml"), "-");
        assertThat(byLocation(r)).as(r.toString()).isEqualTo(expected);
        assertThat(r.exit()).isEqualTo(1);
    }

    @Test
    void stagedSeesOnlyTheChangeNotWhatIsAlreadyCommitted() {
        // A new host file with one leak, and a re-encrypted file now in clear: nothing else.
        repo.write("hosts/web02/default.nix", "{ ... }:\n{\n  users.users.deploy.initialPassword = \"Lk4vQ9wZ2rTp\";\n}\n");
        repo.write("secrets/web01.yaml", "db_password: Lk4vQ9wZ2rTp\n");
        repo.add("hosts/web02/default.nix", "secrets/web01.yaml");
        Cli r = run("staged", "-C", repo.dir.toString(), "--format", "json").assertNoSecret("Lk4vQ9wZ2rTp");
        Map<String, List<String>> expected = new TreeMap<>();
        expect(expected, List.of("nixos-inline-password hosts/web02/default.nix:3", "envelope-invalid secrets/web01.yaml"), "-");
        assertThat(byLocation(r)).as(r.toString()).isEqualTo(expected);
        assertThat(r.exit()).isEqualTo(1);
    }
}
