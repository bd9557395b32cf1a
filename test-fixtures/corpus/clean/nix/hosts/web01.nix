{ config, pkgs, lib, ... }:
{
  networking.hostName = "web01";
  time.timeZone = "UTC";

  sops.defaultSopsFile = ../secrets/web01.yaml;
  sops.age.sshKeyPaths = [ "/etc/ssh/ssh_host_ed25519_key" ];
  sops.secrets."postgres/password" = { owner = "postgres"; };
  sops.secrets."grafana/admin-password" = { owner = "grafana"; };
  sops.secrets.wireguard-private-key = { };

  users.mutableUsers = false;
  users.users.deploy = {
    isNormalUser = true;
    extraGroups = [ "wheel" ];
    hashedPasswordFile = config.sops.secrets."users/deploy".path;
  };
  users.users.root.hashedPassword = "!";

  services.postgresql = {
    enable = true;
    package = pkgs.postgresql_16;
    authentication = lib.mkForce ''
      local all all peer
      host all all 127.0.0.1/32 scram-sha-256
    '';
  };

  services.grafana = {
    enable = true;
    settings.security.admin_password = "$__file{${config.sops.secrets."grafana/admin-password".path}}";
    settings.server.http_port = 3000;
  };

  networking.wireguard.interfaces.wg0 = {
    ips = [ "10.100.0.2/24" ];
    privateKeyFile = config.sops.secrets.wireguard-private-key.path;
  };

  services.nginx.virtualHosts."status.internal.test" = {
    enableACME = true;
    forceSSL = true;
    basicAuthFile = config.sops.secrets."nginx/htpasswd".path;
    locations."/".proxyPass = "http://127.0.0.1:3000";
  };

  nix.settings = {
    substituters = [ "https://cache.nixos.org" ];
    secret-key-files = [ "/var/lib/nix/cache-priv-key.pem" ];
    netrc-file = "/run/secrets/nix-netrc";
    access-tokens = [ ];
  };

  system.stateVersion = "24.11";
}
