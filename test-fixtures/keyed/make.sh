#!/usr/bin/env bash
# Regenerates the keyed-verification fixture with the real age tool (Debian bookworm: age 1.1.1) and
# ssh-keygen. Tests never run this: they read the committed outputs. Every key here is a throwaway TEST key.
set -euo pipefail
cd "$(dirname "$0")"
rm -rf keys valid corrupt sops
mkdir -p keys valid corrupt sops
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

for name in alice bob carol; do age-keygen -o "keys/$name.txt" 2>/dev/null; done
ssh-keygen -q -t ed25519 -N "" -C "leakgate-test-only" -f keys/ssh_ed25519
ssh-keygen -q -t rsa -b 2048 -N "" -C "leakgate-test-only" -f keys/ssh_rsa
ssh-keygen -q -t ed25519 -N "test-only-passphrase" -C "leakgate-test-only" -f keys/ssh_ed25519_encrypted
printf 'leakgate test-only passphrase\n' > keys/passphrase.txt
alice=$(age-keygen -y keys/alice.txt); bob=$(age-keygen -y keys/bob.txt); carol=$(age-keygen -y keys/carol.txt)

# Plaintexts: a marker the tests grep every output for, repeated to the size.
plain() { python3 -c "import sys; m=b'LEAKGATE-KEYED-PLAINTEXT-'; n=int(sys.argv[1]); sys.stdout.buffer.write((m*(n//len(m)+1))[:n])" "$1"; }
for n in 0 1 65535 65536 65537 200000; do plain $n > "$tmp/p$n"; done

for n in 0 1 65535 65536 65537 200000; do age -r "$alice" -o "valid/x25519-$n.age" "$tmp/p$n"; done
age -a -r "$alice" -o valid/x25519-200000.armored.age "$tmp/p200000"
age -a -r "$alice" -o valid/x25519-1.armored.age "$tmp/p1"
age -r "$alice" -r "$bob" -r "$carol" -o valid/multi.age "$tmp/p65537"
age -R keys/ssh_ed25519.pub -o valid/ssh-ed25519.age "$tmp/p65535"
age -R keys/ssh_rsa.pub -o valid/ssh-rsa.age "$tmp/p65536"
age -R keys/ssh_ed25519.pub -R keys/ssh_rsa.pub -r "$bob" -o valid/mixed.age "$tmp/p200000"

# age -p reads the passphrase from a terminal only: python's pty plays the terminal.
scrypt() {
  python3 - "$@" <<'PY'
import os, pty, sys, time
out, src, armor = sys.argv[1], sys.argv[2], sys.argv[3] == "yes"
pw = open("keys/passphrase.txt", "rb").read().rstrip(b"\n")
args = ["age", "-p"] + (["-a"] if armor else []) + ["-o", out, src]
pid, fd = pty.fork()
if pid == 0:
    os.execvp("age", args)
buf = b""
for prompt in (b"Enter passphrase", b"Confirm passphrase"):
    while prompt not in buf:
        buf += os.read(fd, 1024)
    os.write(fd, pw + b"\r")
    buf = b""
try:
    while os.read(fd, 1024):
        pass
except OSError:
    pass
_, status = os.waitpid(pid, 0)
sys.exit(os.waitstatus_to_exitcode(status))
PY
}
scrypt valid/scrypt.age "$tmp/p65537" no
scrypt valid/scrypt.armored.age "$tmp/p1" yes

# Round trip: every valid file opens with its key, or the fixture is wrong.
for f in valid/x25519-*.age valid/multi.age; do age -d -i keys/alice.txt "$f" > /dev/null; done
age -d -i keys/carol.txt valid/multi.age > /dev/null
age -d -i keys/ssh_ed25519 valid/ssh-ed25519.age > /dev/null
age -d -i keys/ssh_rsa valid/ssh-rsa.age > /dev/null
age -d -i keys/ssh_rsa valid/mixed.age > /dev/null

python3 corrupt.py
python3 sops.py

# Every corruption must be one age itself refuses.
for f in corrupt/*.age; do
  if age -d -i keys/alice.txt "$f" > /dev/null 2>&1; then echo "age opens $f" >&2; exit 1; fi
done
echo ok
