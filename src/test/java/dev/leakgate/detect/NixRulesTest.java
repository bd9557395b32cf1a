package dev.leakgate.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The NixOS / age / sops rules as a whole: every built-in rule's own examples hold, and the Nix
 * look-alikes of token-formats.md §1.6 reach no rule at all (not only the rule that targets them).
 */
class NixRulesTest {
    private static final List<Rule> RULES = BuiltinRules.load();

    @Test
    void everyBuiltinRuleHoldsItsExamples() {
        assertThat(RuleCheck.run(RULES)).isEmpty();
    }

    @Test
    void theNixPacksDefineTheInventoryAndSecretRules() {
        assertThat(RULES.stream().filter(r -> r.kind() == Kind.INVENTORY).map(Rule::id))
                .contains("age-recipient", "ssh-public-key", "ssh-certificate", "ssh-fingerprint-sha256",
                        "ssh-fingerprint-md5", "ssh-known-hosts-hashed", "pgp-fingerprint", "pgp-fingerprint-list",
                        "pgp-fingerprint-grouped", "nix-cache-public-key");
        assertThat(RULES.stream().filter(r -> r.kind() == Kind.SECRET).map(Rule::id))
                .contains("age-secret-key", "age-plugin-identity", "nix-cache-secret-key", "cachix-signing-key",
                        "cachix-auth-token", "attic-token", "attic-server-secret", "wireguard-key",
                        "nixos-inline-password", "wifi-psk", "nix-access-token");
    }

    /** Every shape §1.6 says must never be flagged, in the files where a fleet holds them. */
    static final String DECOYS = """
            {
              "nodes": {
                "nixpkgs": {
                  "locked": {
                    "lastModified": 1764000000,
                    "narHash": "sha256-qq4pQCOqq+h6U8xyKIZuRYFscjNxALwj3q6O0Pbm/G4=",
                    "owner": "NixOS",
                    "repo": "nixpkgs",
                    "rev": "fb8fe0fac4c42540c1c03a887e5e78f79da5e5ed",
                    "type": "github"
                  }
                }
              },
              "version": 7
            }
            StorePath: /nix/store/wnyr6dpi2hd49zj978s9w73341db28bz-hello-2.12.1
            URL: nar/5jwlpdpdqd7s2m7dmk6xpzsxbx4dzpd62wk0h3z389mr8095bsgb.nar.xz
            NarHash: sha256:5jwlpdpdqd7s2m7dmk6xpzsxbx4dzpd62wk0h3z389mr8095bsgb
            Sig: nix-cache.fleet.internal-1:tO8XMq28vVDN7D6dsq9Ix9JN+6SBvzVfnIJ5eY0DLYMRXEkhl7PgNgVZ0b6AER7IzNZMgF4GOmzdq1qWqhh+DQ==
              src = fetchurl { url = "https://example.org/x.tar.gz"; hash = "sha256-qq4pQCOqq+h6U8xyKIZuRYFscjNxALwj3q6O0Pbm/G4="; };
              vendorHash = lib.fakeHash;
              cargoSha256 = "5jwlpdpdqd7s2m7dmk6xpzsxbx4dzpd62wk0h3z389mr8095bsgb";
              image = "ghcr.io/acme/app@sha256:69bf08c00e4be4661dac87a3d9bb9a8580dcbbc6a02105dd19beb9e60459d865";
              environment.etc."app.conf".text = "db_password=<SOPS:ba43bc9cf34b53890a3348fdb368de10455eb7054880ea7e7ff709e81e0c0d9f:PLACEHOLDER>";
              password = "<SOPS:ba43bc9cf34b53890a3348fdb368de10455eb7054880ea7e7ff709e81e0c0d9f:PLACEHOLDER>";
              users.users.alice.hashedPasswordFile = config.sops.secrets."alice-password".path;
              services.foo.passwordFile = "/run/secrets/foo-password";
              services.bar.tokenFile = "/run/secrets/bar-token";
              networking.wireguard.interfaces.wg0.privateKeyFile = "/run/secrets/wg0-key";
              networking.wireguard.interfaces.wg1.privateKeyFile = config.sops.secrets.wg1.path;
              services.foo.tokenFile = config.age.secrets.foo-token.path;
              sops.age.keyFile = "/var/lib/sops-nix/key.txt";
              sops.age.sshKeyPaths = [ "/etc/ssh/ssh_host_ed25519_key" ];
              nix.settings.secret-key-files = [ "/var/lib/nix-serve/cache-priv-key.pem" ];
              nix.settings.trusted-public-keys = [ "cache.nixos.org-1:6NCHdD59X431o0gWypbMrAURkbJ16ZPMQFGspcDShjY=" ];
              networking.wireless.networks.office.pskRaw = "ext:psk_office";
              system.configurationRevision = "fb8fe0fac4c42540c1c03a887e5e78f79da5e5ed";
            git checkout fb8fe0fac4c42540c1c03a887e5e78f79da5e5ed
            { config, lib, pkgs, modulesPath, ... }:
            {
              imports = [ (modulesPath + "/installer/scan/not-detected.nix") ./hardware-configuration.nix ];
              fileSystems."/".device = "/dev/disk/by-uuid/3f1e0c4a-7b2d-4e8f-9a6c-1d2e3f4a5b6c";
              boot.initrd.luks.devices."cryptroot".device = "/dev/disk/by-uuid/9b8c7d6e-5f4a-4b3c-8d2e-1f0a9b8c7d6e";
              networking.hostId = "8425e349";
              services.tailscale.authKeyFile = config.sops.secrets.tailscale-auth.path;
              services.openssh.settings.PasswordAuthentication = false;
              sops.secrets."wireguard/private_key" = { sopsFile = ./secrets/wg.yaml; key = "private_key"; };
              services.grafana.settings.security.secret_key = "$__file{/run/secrets/grafana-secret}";
              systemd.services.foo.serviceConfig.LoadCredential = [ "token:/run/secrets/foo-token" ];
              environment.sessionVariables.SOPS_AGE_KEY_FILE = "/home/alice/.config/sops/age/keys.txt";
              age.secrets.db.file = ../secrets/db.age;
              age.identityPaths = [ "/etc/ssh/ssh_host_ed25519_key" ];
              nix.settings.substituters = [ "https://nix-community.cachix.org" "https://cache.nixos.org" ];
              nix.settings.trusted-users = [ "root" "@wheel" ];
              networking.wireguard.interfaces.wg0.peers = [
                { publicKey = "aPV9G8/gNwi9vAsnsKfO7fxNy15ae29qToDUhSI21yk="; allowedIPs = [ "10.100.0.1/32" ]; endpoint = "vpn.example.org:51820"; }
              ];
              services.nginx.virtualHosts."web01.example.org".sslCertificateKey = "/var/lib/acme/web01/key.pem";
              src = pkgs.fetchFromGitHub { owner = "acme"; repo = "tool"; rev = "fb8fe0fac4c42540c1c03a887e5e78f79da5e5ed"; hash = "sha256-qq4pQCOqq+h6U8xyKIZuRYFscjNxALwj3q6O0Pbm/G4="; };
              outputHash = "sha256-qq4pQCOqq+h6U8xyKIZuRYFscjNxALwj3q6O0Pbm/G4=";
              npmDepsHash = "sha256-qq4pQCOqq+h6U8xyKIZuRYFscjNxALwj3q6O0Pbm/G4=";
              sha256 = lib.fakeSha256;
              system.stateVersion = "25.05";
            }
            """;

    @Test
    void nixLookAlikesMatchNoRule() {
        List<Match> matches = new Detector(RULES).scan(DECOYS.getBytes(StandardCharsets.UTF_8));
        assertThat(matches).extracting(m -> m.rule().id()).isEmpty();
    }

    @Test
    void aNarinfoSignatureIsNotASigningKeyButTheKeyItCameFromIs() {
        String key = "nix-cache.fleet.internal-1:Orri8f0NG0d3pp+RbZnczvCj4EY0NOS6XI2TQc0DST80kygBZYynjgCaZeOFn+4JsZ1vLoMRWo1G60RF/Fw66w==";
        String sig = "nix-cache.fleet.internal-1:tO8XMq28vVDN7D6dsq9Ix9JN+6SBvzVfnIJ5eY0DLYMRXEkhl7PgNgVZ0b6AER7IzNZMgF4GOmzdq1qWqhh+DQ==";
        assertThat(NixSigningKeys.valid(key)).isTrue();
        assertThat(NixSigningKeys.valid(sig)).isFalse();
        // Swapping the halves keeps the shape and breaks the pair.
        byte[] raw = java.util.Base64.getDecoder().decode(key.substring(key.indexOf(':') + 1));
        byte[] swapped = new byte[64];
        System.arraycopy(raw, 32, swapped, 0, 32);
        System.arraycopy(raw, 0, swapped, 32, 32);
        assertThat(NixSigningKeys.valid(java.util.Base64.getEncoder().encodeToString(swapped))).isFalse();
        assertThat(NixSigningKeys.valid("x:AAAA")).isFalse();
    }

    @Test
    void anSshKeyLineMustCarryItsOwnTypeInTheBlob() {
        String blob = "AAAAC3NzaC1lZDI1NTE5AAAAIOJdoU6MjnmFrfFBOKm4iA3CG9mmRUI51GdfGy3k+u1A";
        assertThat(SshPublicKeys.valid("ssh-ed25519 " + blob)).isTrue();
        assertThat(SshPublicKeys.valid("ssh-rsa " + blob)).isFalse();
        assertThat(SshPublicKeys.valid("ssh-ed25519 " + blob.substring(0, 64))).isFalse();
        assertThat(SshPublicKeys.valid("ssh-ed25519 !!!!")).isFalse();
        assertThat(SshPublicKeys.valid("ssh-ed25519")).isFalse();
    }
}
