#!/usr/bin/env bash
# Regenerates the fleet fixture with the real age tool (Debian bookworm: age 1.1.1), ssh-keygen and expect.
# Tests never run this: they read the committed outputs. Every key made here is a throwaway test key.
set -euo pipefail
cd "$(dirname "$0")"
rm -rf keys secrets
mkdir -p keys secrets

for name in alice bob carol; do
  age-keygen -o "keys/$name.txt" 2>/dev/null
done
ssh-keygen -q -t ed25519 -N "" -C "leakgate-test-only" -f keys/ssh_ed25519
ssh-keygen -q -t rsa -b 2048 -N "" -C "leakgate-test-only" -f keys/ssh_rsa

recipient() { age-keygen -y "keys/$1.txt"; }
alice=$(recipient alice); bob=$(recipient bob); carol=$(recipient carol)

printf 'fleet fixture payload: nothing secret here\n' > /tmp/fleet-plain.txt
: > /tmp/fleet-empty.txt
head -c 65536 /dev/zero | tr '\0' 'a' > /tmp/fleet-64k.txt
head -c 65537 /dev/zero | tr '\0' 'b' > /tmp/fleet-64k1.txt

age -r "$alice" -o secrets/x25519.age /tmp/fleet-plain.txt
age -a -r "$alice" -o secrets/x25519.armored.age /tmp/fleet-plain.txt
age -r "$alice" -r "$bob" -r "$carol" -o secrets/multi.age /tmp/fleet-plain.txt
age -a -r "$alice" -r "$bob" -r "$carol" -o secrets/multi.armored.age /tmp/fleet-plain.txt
age -R keys/ssh_ed25519.pub -o secrets/ssh-ed25519.age /tmp/fleet-plain.txt
age -R keys/ssh_rsa.pub -o secrets/ssh-rsa.age /tmp/fleet-plain.txt
age -r "$alice" -R keys/ssh_ed25519.pub -o secrets/mixed.age /tmp/fleet-plain.txt
age -r "$alice" -o secrets/empty.age /tmp/fleet-empty.txt
age -r "$alice" -o secrets/one-full-chunk.age /tmp/fleet-64k.txt
age -a -r "$alice" -o secrets/two-chunks.armored.age /tmp/fleet-64k1.txt

# age -p reads the passphrase from the terminal only, so expect plays the terminal.
expect >/dev/null <<'EXP'
spawn age -p -o secrets/scrypt.age /tmp/fleet-plain.txt
expect "Enter passphrase"
send "leakgate test-only passphrase\r"
expect "Confirm passphrase"
send "leakgate test-only passphrase\r"
expect eof
EXP
expect >/dev/null <<'EXP'
spawn age -p -a -o secrets/scrypt.armored.age /tmp/fleet-plain.txt
expect "Enter passphrase"
send "leakgate test-only passphrase\r"
expect "Confirm passphrase"
send "leakgate test-only passphrase\r"
expect eof
EXP

# Round trip: every file must open with its key, or the fixture is wrong.
for f in x25519 x25519.armored multi multi.armored empty one-full-chunk two-chunks.armored; do
  age -d -i keys/alice.txt "secrets/$f.age" > /dev/null
done
age -d -i keys/carol.txt secrets/multi.age > /dev/null
age -d -i keys/ssh_ed25519 secrets/ssh-ed25519.age > /dev/null
age -d -i keys/ssh_rsa secrets/ssh-rsa.age > /dev/null
age -d -i keys/ssh_ed25519 secrets/mixed.age > /dev/null
expect >/dev/null <<'EXP'
spawn sh -c "age -d -o /dev/null secrets/scrypt.armored.age && echo SCRYPT-OK"
expect "Enter passphrase"
send "leakgate test-only passphrase\r"
expect {
  "SCRYPT-OK" {}
  timeout { exit 1 }
  eof { exit 1 }
}
EXP
rm -f /tmp/fleet-plain.txt /tmp/fleet-empty.txt /tmp/fleet-64k.txt /tmp/fleet-64k1.txt
echo "fleet fixture regenerated with $(age --version)"
