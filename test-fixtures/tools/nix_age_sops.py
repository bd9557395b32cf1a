#!/usr/bin/env python3
"""Generates fresh example values for rules/nix-age-sops.yaml and rules/ssh-pgp.yaml.

Every value is random (os.urandom) and shaped like the real format, with valid checksums where
the format has one; none is copied from anywhere. Run it, then paste values into the rule packs.
Usage: nix_age_sops.py [NAME...]   (no name: print all)
"""
import base64
import hashlib
import os
import struct
import sys

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives import serialization

CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
GEN = [0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3]


def polymod(values):
    chk = 1
    for v in values:
        top = chk >> 25
        chk = (chk & 0x1FFFFFF) << 5 ^ v
        for i in range(5):
            chk ^= GEN[i] if (top >> i) & 1 else 0
    return chk


def bech32(hrp, data, upper=False):
    hrp_l = hrp.lower()
    five = convert(data)
    exp = [ord(c) >> 5 for c in hrp_l] + [0] + [ord(c) & 31 for c in hrp_l]
    pm = polymod(exp + five + [0] * 6) ^ 1
    five += [(pm >> 5 * (5 - i)) & 31 for i in range(6)]
    s = hrp_l + "1" + "".join(CHARSET[d] for d in five)
    return s.upper() if upper else s


def convert(data):
    acc = bits = 0
    out = []
    for b in data:
        acc = acc << 8 | b
        bits += 8
        while bits >= 5:
            bits -= 5
            out.append(acc >> bits & 31)
    if bits:
        out.append(acc << (5 - bits) & 31)
    return out


def sshstr(b):
    return struct.pack(">I", len(b)) + b


def mpint(n):
    b = n.to_bytes((n.bit_length() + 8) // 8, "big")
    return sshstr(b)


def b64(b):
    return base64.b64encode(b).decode()


def ssh_ed25519():
    return "ssh-ed25519 " + b64(sshstr(b"ssh-ed25519") + sshstr(os.urandom(32)))


def ssh_rsa(bits=2048):
    n = int.from_bytes(os.urandom(bits // 8), "big") | (1 << (bits - 1)) | 1
    return "ssh-rsa " + b64(sshstr(b"ssh-rsa") + mpint(65537) + mpint(n))


def ecdsa(curve="nistp256", size=32):
    t = ("ecdsa-sha2-" + curve).encode()
    return t.decode() + " " + b64(sshstr(t) + sshstr(curve.encode()) + sshstr(b"\x04" + os.urandom(2 * size)))


def sk_ed25519():
    t = b"sk-ssh-ed25519@openssh.com"
    return t.decode() + " " + b64(sshstr(t) + sshstr(os.urandom(32)) + sshstr(b"ssh:"))


def sk_ecdsa():
    t = b"sk-ecdsa-sha2-nistp256@openssh.com"
    return t.decode() + " " + b64(sshstr(t) + sshstr(b"nistp256") + sshstr(b"\x04" + os.urandom(64)) + sshstr(b"ssh:"))


def ed25519_cert():
    t = b"ssh-ed25519-cert-v01@openssh.com"
    ca = sshstr(b"ssh-ed25519") + sshstr(os.urandom(32))
    blob = (sshstr(t) + sshstr(os.urandom(32)) + sshstr(os.urandom(32)) + struct.pack(">QI", 7, 1)
            + sshstr(b"deploy@fleet") + sshstr(sshstr(b"deploy")) + struct.pack(">QQ", 0, 0xFFFFFFFFFFFFFFFF)
            + sshstr(b"") + sshstr(b"") + sshstr(b"") + sshstr(ca)
            + sshstr(sshstr(b"ssh-ed25519") + sshstr(os.urandom(64))))
    return t.decode() + " " + b64(blob)


def nix_keypair(name):
    k = Ed25519PrivateKey.generate()
    seed = k.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption())
    pub = k.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    sig = k.sign(b"1;/nix/store/" + os.urandom(8).hex().encode())
    return name + ":" + b64(seed + pub), name + ":" + b64(pub), name + ":" + b64(sig)


def fp_sha256():
    return "SHA256:" + b64(hashlib.sha256(os.urandom(32)).digest()).rstrip("=")


def fp_md5():
    return ":".join("%02x" % b for b in hashlib.md5(os.urandom(16)).digest())


def hex40(upper=True):
    h = hashlib.sha1(os.urandom(20)).hexdigest()
    return h.upper() if upper else h


def grouped(fp):
    g = [fp[i:i + 4] for i in range(0, 40, 4)]
    return " ".join(g[:5]) + "  " + " ".join(g[5:])


def known_hosts():
    return "|1|" + b64(os.urandom(20)) + "|" + b64(os.urandom(20))


def nix32(n):
    alpha = "0123456789abcdfghijklmnpqrsvwxyz"
    return "".join(alpha[b % 32] for b in os.urandom(n))


def jwt():
    def seg(b):
        return base64.urlsafe_b64encode(b).decode().rstrip("=")
    head = seg(b'{"alg":"HS256","typ":"JWT"}')
    body = seg(('{"jti":"%s","sub":"%s","v":1}' % (os.urandom(16).hex(), os.urandom(4).hex())).encode())
    return head + "." + body + "." + seg(os.urandom(32))


def values():
    sk_seed = os.urandom(32)
    secret, public, sig = nix_keypair("nix-cache.fleet.internal-1")
    cachix_secret, cachix_public, _ = nix_keypair("fleet.cachix.org-1")
    return {
        "age-recipient": bech32("age", os.urandom(32)),
        "age-recipient-2": bech32("age", os.urandom(32)),
        "age-recipient-pq": bech32("age1pq", os.urandom(1216)),
        "age-recipient-tag": bech32("age1tag", b"\x02" + os.urandom(32)),
        "age-recipient-yubikey": bech32("age1yubikey", b"\x03" + os.urandom(32)),
        "age-identity": bech32("AGE-SECRET-KEY-", sk_seed, upper=True),
        "age-identity-pq": bech32("AGE-SECRET-KEY-PQ-", os.urandom(32), upper=True),
        "age-plugin-yubikey": bech32("AGE-PLUGIN-YUBIKEY-", os.urandom(15), upper=True),
        "age-plugin-fido2": bech32("AGE-PLUGIN-FIDO2-HMAC-", os.urandom(64), upper=True),
        "ssh-ed25519": ssh_ed25519(),
        "ssh-ed25519-2": ssh_ed25519(),
        "ssh-rsa": ssh_rsa(),
        "ecdsa-256": ecdsa(),
        "ecdsa-384": ecdsa("nistp384", 48),
        "sk-ed25519": sk_ed25519(),
        "sk-ecdsa": sk_ecdsa(),
        "ed25519-cert": ed25519_cert(),
        "sha256-fp": fp_sha256(),
        "md5-fp": fp_md5(),
        "pgp-fp": hex40(),
        "pgp-fp-2": hex40(),
        "pgp-grouped": grouped(hex40()),
        "git-rev": hex40(False),
        "known-hosts": known_hosts(),
        "nix-secret": secret,
        "nix-public": public,
        "nix-sig": sig,
        "cachix-secret": cachix_secret.split(":", 1)[1],
        "cachix-public": cachix_public,
        "wg-private": b64(os.urandom(32)),
        "wg-psk": b64(os.urandom(32)),
        "wg-public": b64(os.urandom(32)),
        "psk-raw": os.urandom(32).hex(),
        "jwt": jwt(),
        "attic-hs256": b64(os.urandom(48)),
        "nix32-52": nix32(52),
        "nix32-32": nix32(32),
        "sri": "sha256-" + b64(os.urandom(32)),
        "sha256-hex": os.urandom(32).hex(),
        "placeholder": "<SOPS:" + os.urandom(32).hex() + ":PLACEHOLDER>",
    }


if __name__ == "__main__":
    vals = values()
    for name in sys.argv[1:] or vals:
        print(f"{name}\t{vals[name]}")
