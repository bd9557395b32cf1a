package dev.leakgate.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * A small sops-nix style fleet repository: hosts, a flake and its lock, a .sops.yaml, real sops
 * and age envelopes under secrets/, plus planted leaks and the Nix look-alikes that must never be
 * reported. Every random value was made by test-fixtures/tools/nix_age_sops.py for this fleet only.
 */
final class Fleet {
    static final Path FIXTURES = Path.of("test-fixtures");
    static final Path SOPS_NIX_SECRETS = FIXTURES.resolve("sops/real/sops-nix/pkgs/sops-install-secrets/test-assets/secrets.yaml");
    static final Path SOPS_TYPES = FIXTURES.resolve("sops/synthesized/types.yaml");
    static final Path SOPS_PLAINTEXT_VALUE = FIXTURES.resolve("sops/invalid/plaintext-value__secrets.yaml");
    /** Written by the age tool (test-fixtures/fleet/make.sh). */
    static final Path AGE_BINARY = FIXTURES.resolve("fleet/secrets/x25519.age");
    static final Path AGE_ARMORED = FIXTURES.resolve("fleet/secrets/multi.armored.age");
    static final Path AGE_SSH = FIXTURES.resolve("fleet/secrets/ssh-ed25519.age");

    static final String CACHE_NIXOS_ORG = "cache.nixos.org-1:6NCHdD59X431o0gWypbMrAURkbJ16ZPMQFGspcDShjY=";

    static final String SOPS_YAML = """
            keys:
              - &admin_alice age1yt3tfqlfrwdwx0z0ynwplcr6qxcxfaqycuprpmy89nr83ltx74tqdpszlw
              - &host_web01 age1a8pk4akrdamj7nvqy3zywgtny8dxz7t5xzu7u8v9mhrayp9freqsqatyrs
              - &admin_bob 7FB89715AADA920D65D25E63F9BA9DEBD03F57C0
              - &admin_carol 2504791468B153B8A3963CC97BA53D1919C5DFD4
            creation_rules:
              - path_regex: secrets/web01\\.yaml$
                key_groups:
                  - age:
                      - *admin_alice
                      - *host_web01
                    pgp:
                      - *admin_bob
                      - *admin_carol
              - path_regex: secrets/db01\\.yaml$
                key_groups:
                  - age:
                      - *admin_alice
            """;

    static final String FLAKE_NIX = """
            {
              description = "fleet";
              nixConfig = {
                extra-substituters = [ "https://cache.nixos.org" ];
                extra-trusted-public-keys = [ "%s" ];
              };
              inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-25.05";
              inputs.sops-nix.url = "github:Mic92/sops-nix";
              outputs = { self, nixpkgs, sops-nix }: {
                nixosConfigurations.web01 = nixpkgs.lib.nixosSystem {
                  modules = [ sops-nix.nixosModules.sops ./hosts/web01 ];
                };
              };
            }
            """.formatted(CACHE_NIXOS_ORG);

    static final String FLAKE_LOCK = """
            {
              "nodes": {
                "nixpkgs": {
                  "locked": {
                    "lastModified": 1764000000,
                    "narHash": "sha256-bnXulCDNvm2Xz4leffKoOFylEuctEcN5QUWuOW+1Bpw=",
                    "owner": "NixOS",
                    "repo": "nixpkgs",
                    "rev": "aa049169cea81287cc6e3e9b94dcb53c6ec2c661",
                    "type": "github"
                  },
                  "original": { "owner": "NixOS", "ref": "nixos-25.05", "repo": "nixpkgs", "type": "github" }
                },
                "root": { "inputs": { "nixpkgs": "nixpkgs" } }
              },
              "root": "root",
              "version": 7
            }
            """;

    static final String NARINFO = """
            StorePath: /nix/store/d8v2rmzzv02r9xfpdqyf4jc7vzj7mni7-hello-2.12.1
            URL: nar/liybqc0zp5hv55083rsbi7mzr3qqlq4sbzmfx4xv841n61bdyicb.nar.xz
            Compression: xz
            NarHash: sha256:liybqc0zp5hv55083rsbi7mzr3qqlq4sbzmfx4xv841n61bdyicb
            NarSize: 226560
            Sig: nix-cache.fleet.internal-1:VkEWnb9alXLgGGF5berU5qKIkkdRttE6152tRq0qxDTvCRUEDoi/tqYhVlG55+LFy3IblWoTxwkSyx8KLzpTBA==
            """;

    /** Decoys only, except the fleet's own binary-cache public key (line marked PLANT). */
    static final String WEB01 = """
            { config, pkgs, ... }:
            {
              sops.defaultSopsFile = ../../secrets/web01.yaml;
              sops.age.keyFile = "/var/lib/sops-nix/key.txt";
              sops.age.sshKeyPaths = [ "/etc/ssh/ssh_host_ed25519_key" ];
              sops.secrets."db-password".owner = "app";
              environment.etc."app/db.conf".text = "password=<SOPS:73f325ee590a8e8d1712280556ac5e9fd02cc2b732d37fc93b51b0fbe8ebda89:PLACEHOLDER>";
              users.users.alice.hashedPasswordFile = config.sops.secrets."alice-password".path;
              services.nginx.virtualHosts."web01.example.org".root = "/nix/store/d8v2rmzzv02r9xfpdqyf4jc7vzj7mni7-site";
              networking.wireless.networks.office.pskRaw = "ext:psk_office";
              networking.wireguard.interfaces.wg0.privateKeyFile = config.sops.secrets.wg0.path;
              nix.settings.trusted-public-keys = [
                "%s"
                "nix-cache.fleet.internal-1:MRJwVuLhqzlPukqEYLJR7mC57b4TxWQIeHJoiBg4vI0="
              ];
              system.configurationRevision = "aa049169cea81287cc6e3e9b94dcb53c6ec2c661";
              environment.systemPackages = [
                (pkgs.fetchurl { url = "https://example.org/tool.tar.gz"; hash = "sha256-bnXulCDNvm2Xz4leffKoOFylEuctEcN5QUWuOW+1Bpw="; })
              ];
            }
            """.formatted(CACHE_NIXOS_ORG);

    static final String DB01 = """
            { config, ... }:
            {
              sops.defaultSopsFile = ../../secrets/db01.yaml;
              users.users.root.openssh.authorizedKeys.keys = [
                "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAILQnWegqClPPk8AcEdXX6aiweOGNZPQp/8IVWf9LC8CW admin@laptop"
              ];
              networking.wireguard.interfaces.wg0 = {
                ips = [ "10.100.0.2/24" ];
                privateKey = "j7IskiFrU+ISIr6LQEJ6ovQbtHksNObzyL9eUZdSc5c=";
              };
            }
            """;

    /** An age identity file committed by mistake next to the host config. */
    static final String KEY_TXT = """
            # created: 2026-11-02T09:14:51Z
            # public key: age10quefvkh0g0p9f3dxksgujmgqs7ddn0ntdzw2zawj5elqz57jrysuz5qlr
            AGE-SECRET-KEY-1HT80LMH7ALKYSP63DTA6VHJEMMG2SPYQM0DK6JW3LTVXCDQKPNTQ83LSPL
            """;

    /** A secret committed in clear under secrets/: no sops metadata at all. */
    static final String PLAIN = """
            db_password: Wq8rT2zLp5Nv9XcK
            """;

    private Fleet() {
    }

    /** Builds the fleet in {@code root}; {@code withSopsYaml} false keeps .sops.yaml out of it. */
    static void build(Path root, boolean withSopsYaml) {
        buildBase(root, withSopsYaml);
        plantLeaks(root);
    }

    /**
     * What the fleet looked like before the leaks: decoys, valid envelopes, and (in web01's config)
     * the fleet's own binary-cache public key.
     */
    static void buildBase(Path root, boolean withSopsYaml) {
        if (withSopsYaml) {
            write(root, ".sops.yaml", SOPS_YAML);
        }
        write(root, "flake.nix", FLAKE_NIX);
        write(root, "flake.lock", FLAKE_LOCK);
        write(root, "cache/hello.narinfo", NARINFO);
        write(root, "hosts/web01/default.nix", WEB01);
        copy(SOPS_NIX_SECRETS, root, "secrets/web01.yaml");
        copy(SOPS_TYPES, root, "secrets/app.yaml");
        copy(AGE_BINARY, root, "secrets/wg-web01.age");
        copy(AGE_ARMORED, root, "secrets/backup.age");
    }

    /** The second host, with leaks on the public surface and broken or drifted envelopes. */
    static void plantLeaks(Path root) {
        write(root, "hosts/db01/default.nix", DB01);
        write(root, "hosts/db01/key.txt", KEY_TXT);
        copy(SOPS_NIX_SECRETS, root, "secrets/db01.yaml");
        copy(SOPS_PLAINTEXT_VALUE, root, "secrets/leaky.yaml");
        copy(AGE_SSH, root, "secrets/hosts/db01/ssh-host.age");
        write(root, "secrets/plain.yaml", PLAIN);
        try {
            byte[] age = Files.readAllBytes(AGE_BINARY);
            Files.write(root.resolve("secrets/truncated.age"), Arrays.copyOf(age, 60));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** 1-based number of the only line of {@code text} containing {@code marker}. */
    static int line(String text, String marker) {
        List<String> lines = text.lines().toList();
        int found = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(marker)) {
                if (found >= 0) {
                    throw new AssertionError("marker on two lines: " + marker);
                }
                found = i + 1;
            }
        }
        if (found < 0) {
            throw new AssertionError("no line with " + marker);
        }
        return found;
    }

    static void write(Path root, String path, String text) {
        try {
            Path p = root.resolve(path);
            Files.createDirectories(p.getParent());
            Files.writeString(p, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void copy(Path from, Path root, String path) {
        try {
            Path p = root.resolve(path);
            Files.createDirectories(p.getParent());
            Files.copy(from, p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
