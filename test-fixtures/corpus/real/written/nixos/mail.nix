{ config, lib, pkgs, ... }:

let
  relay = "smtp.relay.internal";
in
{
  sops.secrets.relay-sasl = {
    sopsFile = ../../secrets/mail.yaml;
    owner = config.services.postfix.user;
  };
  age.secrets.smtp-password.file = ../../secrets/smtp-password.age;

  services.postfix = {
    enable = true;
    hostname = "mx1.example.org";
    relayHost = relay;
    relayPort = 587;
    config = {
      smtp_sasl_auth_enable = "yes";
      smtp_sasl_password_maps = "texthash:/run/secrets/relay-sasl";
      smtp_sasl_security_options = "noanonymous";
      smtp_tls_security_level = "encrypt";
      smtpd_tls_cert_file = "/var/lib/acme/mx1/cert.pem";
      smtpd_tls_key_file = "/var/lib/acme/mx1/key.pem";
    };
  };

  services.dovecot2.extraConfig = ''
    passdb {
      driver = passwd-file
      args = scheme=SHA512-CRYPT username_format=%u /run/secrets/dovecot-passwd
    }
  '';

  users.users.backup = {
    isSystemUser = true;
    hashedPasswordFile = config.sops.secrets.backup-password.path;
  };

  services.grafana.settings.security = {
    admin_password = "$__file{${config.age.secrets.grafana-admin.path}}";
    secret_key = "$__file{/run/secrets/grafana-secret-key}";
  };

  services.restic.backups.home = {
    passwordFile = config.age.secrets.restic-password.path;
    environmentFile = config.sops.secrets.restic-env.path;
    repository = "s3:s3.amazonaws.com/backups-${config.networking.hostName}";
  };

  systemd.services.token-refresh.serviceConfig = {
    LoadCredential = [ "api-token:/run/secrets/api-token" ];
    ExecStart = "${pkgs.curl}/bin/curl -H @%d/api-token https://api.internal/refresh";
  };
}
