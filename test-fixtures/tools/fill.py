#!/usr/bin/env python3
"""Fill «…» markers in rule packs and corpus files with freshly generated random values.

Every example secret in this repository was made here, from the local CSPRNG: nothing is copied
from real tokens or other tools' fixtures. Usage: fill.py FILE… (rewrites each file in place).

Markers (one per occurrence, each replaced by a new random value):
  «CHARSET:N»            N random chars of CHARSET (alnum hex HEX b64 b64url lower upper
                         lalnum ualnum crypt nix32 bech32 word pw digits)
  «mix:N»                N alnum chars with at least one digit, lower- and upper-case letter
  «b64:TEXT»             standard base64 of TEXT (':' and markers allowed inside, \\n escapes decoded)
  «b64up:USER»           standard base64 of USER:<random password>
  «b64rand:N»            base64 of N random bytes (padded)
  «b64nopad:N»           unpadded standard base64 of N random bytes
  «b64urlrand:N»         unpadded base64url of N random bytes
  «pem:LABEL:NBYTES:DERPREFIX[:WIDTH]» a PEM block; LABEL with '_' for spaces; DERPREFIX hex (may be empty)
  «pemesc:LABEL:NBYTES:DERPREFIX» the same block on one line with literal \\n escapes
  «b64pem:LABEL:NBYTES:DERPREFIX»  a PEM block, base64-encoded again
  «sshpub»               an ssh-ed25519 public key line (type and blob)
  «lines:NBYTES:WIDTH»   base64 of NBYTES random bytes wrapped at WIDTH
  «jwt:ALG»              a JWT with a real JSON header/payload and a random signature
  «jwe:ALG»              a JWE (compact, five segments) with random key, iv, ciphertext and tag
  «jwtjson:ALG»          the same, standard-base64-encoded again
Multi-line expansions keep the indentation of the marker's line; inner markers expand first.
"""
import base64, json, re, secrets, struct, sys, time

CHARSETS = {
    "alnum": "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
    "hex": "0123456789abcdef",
    "HEX": "0123456789ABCDEF",
    "b64": "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/",
    "b64url": "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_",
    "lower": "abcdefghijklmnopqrstuvwxyz",
    "upper": "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "lalnum": "abcdefghijklmnopqrstuvwxyz0123456789",
    "ualnum": "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789",
    "crypt": "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
    "nix32": "0123456789abcdfghijklmnpqrsvwxyz",
    "bech32": "qpzry9x8gf2tvdw0s3jn54khce6mua7l",
    "word": "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_",
    "pw": "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!#%^*-_+=.~",
    "digits": "0123456789",
    "django": "abcdefghijklmnopqrstuvwxyz0123456789!@#%^&*(-_=+)",
}


def rand(charset, n):
    cs = CHARSETS[charset]
    return "".join(secrets.choice(cs) for _ in range(n))


def pem_lines(label, nbytes, der_prefix, width=64):
    raw = bytes.fromhex(der_prefix) + secrets.token_bytes(nbytes)
    body = base64.b64encode(raw).decode()
    lines = [body[i:i + width] for i in range(0, len(body), width)]
    name = label.replace("_", " ")
    return [f"-----BEGIN {name}-----"] + lines + [f"-----END {name}-----"]


def b64url(b):
    return base64.urlsafe_b64encode(b).decode().rstrip("=")


def jwt(alg):
    header = {"alg": alg, "typ": "JWT"}
    now = int(time.time()) - secrets.randbelow(10 ** 7)
    payload = {"sub": rand("digits", 9), "iss": "https://auth.internal.test", "iat": now, "exp": now + 3600,
               "scope": "read write"}
    sig = {"HS256": 32, "HS512": 64, "RS256": 256, "ES256": 64, "none": 0}[alg]
    parts = [b64url(json.dumps(header, separators=(",", ":")).encode()),
             b64url(json.dumps(payload, separators=(",", ":")).encode()),
             b64url(secrets.token_bytes(sig)) if sig else ""]
    return ".".join(parts)


def expand(spec):
    name, _, arg = spec.partition(":")
    if name == "mix":
        while True:
            v = rand("alnum", int(arg))
            if any(c.isdigit() for c in v) and any(c.islower() for c in v) and any(c.isupper() for c in v):
                return [v]
    if name in CHARSETS and arg.isdigit():
        return [rand(name, int(arg))]
    if name == "b64":
        return [base64.b64encode(arg.encode().decode("unicode_escape").encode("latin-1")).decode()]
    if name == "b64up":
        return [base64.b64encode((arg + ":" + rand("pw", 12 + secrets.randbelow(12))).encode()).decode()]
    if name == "b64rand":
        return [base64.b64encode(secrets.token_bytes(int(arg))).decode()]
    if name == "b64nopad":
        return [base64.b64encode(secrets.token_bytes(int(arg))).decode().rstrip("=")]
    if name == "b64urlrand":
        return [b64url(secrets.token_bytes(int(arg)))]
    if name in ("pem", "pemesc"):
        label, n, prefix, *width = arg.split(":")
        lines = pem_lines(label, int(n), prefix, int(width[0]) if width else 64)
        return ["\\n".join(lines) + "\\n"] if name == "pemesc" else lines
    if name == "b64pem":
        label, n, prefix = arg.split(":")
        pem = "\n".join(pem_lines(label, int(n), prefix)) + "\n"
        return [base64.b64encode(pem.encode()).decode()]
    if name == "sshpub":
        blob = struct.pack(">I", 11) + b"ssh-ed25519" + struct.pack(">I", 32) + secrets.token_bytes(32)
        return ["ssh-ed25519 " + base64.b64encode(blob).decode()]
    if name == "lines":
        n, w = arg.split(":")
        body = base64.b64encode(secrets.token_bytes(int(n))).decode()
        return [body[i:i + int(w)] for i in range(0, len(body), int(w))]
    if name == "jwt":
        return [jwt(arg)]
    if name == "jwe":
        header = b64url(json.dumps({"alg": arg, "enc": "A256GCM"}, separators=(",", ":")).encode())
        key = "" if arg == "dir" else b64url(secrets.token_bytes(256))
        return [".".join([header, key, b64url(secrets.token_bytes(12)),
                          b64url(secrets.token_bytes(40 + secrets.randbelow(200))), b64url(secrets.token_bytes(16))])]
    if name == "jwtjson":
        return [base64.b64encode(jwt(arg).encode()).decode()]
    raise SystemExit(f"unknown marker «{spec}»")


MARK = re.compile("«([^«»]+)»")


def fill(text):
    """Expands markers innermost first, so «b64:token=«alnum:20»» encodes a fresh value."""
    out = []
    for line in text.split("\n"):
        indent = re.match(r"\s*", line).group(0)
        while True:
            m = MARK.search(line)
            if not m:
                break
            lines = expand(m.group(1))
            line = line[:m.start()] + ("\n" + indent).join(lines) + line[m.end():]
        out.append(line)
    return "\n".join(out)


if __name__ == "__main__":
    for path in sys.argv[1:]:
        with open(path, encoding="utf-8") as f:
            text = f.read()
        with open(path, "w", encoding="utf-8") as f:
            f.write(fill(text))
