#!/bin/sh
# Rotates the cache signing key. The private half never leaves the host.
set -eu
umask 077
nix-store --generate-binary-cache-key cache.internal.test-2 /var/lib/nix/cache-priv-key.pem /var/lib/nix/cache-pub-key.pem
ssh-keygen -t ed25519 -N "" -f /etc/ssh/ssh_host_ed25519_key.new
age-keygen -o /var/lib/sops-nix/key.txt 2>/dev/null
if grep -q "BEGIN OPENSSH PRIVATE KEY" /etc/ssh/ssh_host_ed25519_key.new; then
  echo "generated key fingerprint: $(ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.new.pub | cut -d' ' -f2 | cut -c1-7)..."
fi
htpasswd -B -c /etc/nginx/htpasswd ops   # prompts for the password
