"""Derives sops/ from ../sops/synthesized (encrypted to sops-nix's published test identity), and writes one
binary-store file the way sops does (data key wrapped by `age -a`, AES-256-GCM with a 32-byte iv, additional data
'data:', MAC = SHA-512 of the value, upper-case hex, sealed with lastmodified as additional data)."""
import base64, hashlib, json, os, re, subprocess
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

SRC = "../sops/synthesized/"
RECIPIENT = "age1yt3tfqlfrwdwx0z0ynwplcr6qxcxfaqycuprpmy89nr83ltx74tqdpszlw"


def read(name):
    return open(SRC + name, encoding="utf-8").read()


def write(name, text):
    open("sops/" + name, "w", encoding="utf-8").write(text)


def enc_of(text, key):
    return re.search(r'^\s*"?' + re.escape(key) + r'"?\s*[:=]\s*"?(ENC\[[^\]]*\])', text, re.M).group(1)


# JSON: two values swapped between keys (each is bound to its key path).
j = read("config.unencrypted_regex.json")
a, b = enc_of(j, "api_key"), enc_of(j, "max_rps")
write("values-swapped.json", j.replace(a, "@A@").replace(b, a).replace("@A@", b))
# dotenv: lastmodified edited by hand (it is the MAC's additional data).
e = read("app.env")
write("lastmodified-edited.env", re.sub(r"sops_lastmodified=\S+", "sops_lastmodified=2026-06-02T12:00:00Z", e))
# INI: a value copied from another file (another data key).
i = read("app.ini")
write("value-from-other-file.ini", i.replace(enc_of(i, "password"), a))
# YAML: a clear (exempt) value edited: outside every ENC, but inside the MAC.
y = read("types.yaml")
write("clear-value-edited.yaml", y.replace("notes_unencrypted: visible on purpose", "notes_unencrypted: edited by hand"))
# YAML: one character of the MAC's ciphertext changed.
m = re.search(r"mac: ENC\[AES256_GCM,data:(.)", y)
write("mac-changed.yaml", y[:m.start(1)] + ("A" if m.group(1) != "A" else "B") + y[m.end(1):])


def seal(key, plaintext, aad, typ):
    iv = os.urandom(32)
    ct = AESGCM(key).encrypt(iv, plaintext, aad)
    b = lambda x: base64.b64encode(x).decode()
    return "ENC[AES256_GCM,data:%s,iv:%s,tag:%s,type:%s]" % (b(ct[:-16]), b(iv), b(ct[-16:]), typ)


key = os.urandom(32)
value = b"LEAKGATE-KEYED-PLAINTEXT-binary-store\n"
wrapped = subprocess.run(["age", "-a", "-r", RECIPIENT], input=key, capture_output=True, check=True).stdout.decode()
lastmodified = "2026-06-01T12:00:00Z"
mac = hashlib.sha512(value).hexdigest().upper().encode()
doc = {"data": seal(key, value, b"data:", "str"),
       "sops": {"kms": None, "gcp_kms": None, "azure_kv": None, "hc_vault": None,
                "age": [{"recipient": RECIPIENT, "enc": wrapped}],
                "lastmodified": lastmodified, "mac": seal(key, mac, lastmodified.encode(), "str"),
                "pgp": None, "unencrypted_suffix": "_unencrypted", "version": "3.10.2"}}
write("valid-binary-store.txt", json.dumps(doc, indent="\t") + "\n")
doc["data"] = seal(key, value, b"other:", "str")
write("value-moved.bin", json.dumps(doc, indent="\t") + "\n")


# Shamir: the data key split over two key groups (threshold 2), as sops does it with HashiCorp Vault's shamir
# package: one random degree-1 polynomial per byte over GF(2^8), each share = values || x.
def gf_mult(a, b):
    r = 0
    for i in range(7, -1, -1):
        r = (((r << 1) ^ (0x1B if r & 0x80 else 0)) & 0xFF) ^ (a if (b >> i) & 1 else 0)
    return r


def split(secret, xs):
    coeffs = [os.urandom(1)[0] for _ in secret]
    return [bytes(s ^ gf_mult(c, x) for s, c in zip(secret, coeffs)) + bytes([x]) for x in xs]


def age_enc(data, recipient):
    return subprocess.run(["age", "-a", "-r", recipient], input=data, capture_output=True, check=True).stdout.decode()


alice = subprocess.run(["age-keygen", "-y", "keys/alice.txt"], capture_output=True, check=True).stdout.decode().strip()
for name, second in (("shamir-2-groups.json", RECIPIENT), ("shamir-second-group-alice.json", alice)):
    key = os.urandom(32)
    shares = split(key, [0x35, 0xC2])
    value = b"LEAKGATE-KEYED-PLAINTEXT-shamir"
    mac = hashlib.sha512(value).hexdigest().upper().encode()
    doc = {"db_password": seal(key, value, b"db_password:", "str"),
           "sops": {"shamir_threshold": 2,
                    "key_groups": [{"age": [{"recipient": RECIPIENT, "enc": age_enc(shares[0], RECIPIENT)}]},
                                   {"age": [{"recipient": second, "enc": age_enc(shares[1], second)}]}],
                    "lastmodified": lastmodified, "mac": seal(key, mac, lastmodified.encode(), "str"),
                    "unencrypted_suffix": "_unencrypted", "version": "3.10.2"}}
    write(name, json.dumps(doc, indent="\t") + "\n")
