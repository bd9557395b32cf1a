"""Derives the corrupt/ files from valid/ (see README.md); deterministic, no key needed."""
import re

CHUNK = 65536 + 16


def read(name):
    return open("valid/" + name, "rb").read()


def write(name, data):
    open("corrupt/" + name, "wb").write(data)


def split(data):
    """header up to and including the MAC line's LF, and the payload"""
    end = data.index(b"\n---") + 1
    end = data.index(b"\n", end) + 1
    return data[:end], data[end:]


def stanzas(header):
    lines = header.split(b"\n")
    out, cur = [], None
    for line in lines[1:]:
        if line.startswith(b"-> "):
            cur = [line]
            out.append(cur)
        elif line.startswith(b"---"):
            break
        else:
            cur.append(line)
    return lines[0], out, [l for l in lines if l.startswith(b"---")][0]


def join(version, sts, mac):
    return version + b"\n" + b"".join(b"\n".join(s) + b"\n" for s in sts) + mac + b"\n"


h, p = split(read("x25519-200000.age"))
write("cut-at-chunk-boundary.age", h + p[: 16 + 2 * CHUNK])
h, p = split(read("x25519-65537.age"))
write("final-chunk-dropped.age", h + p[: 16 + CHUNK])
h, p = split(read("x25519-200000.age"))
write("tampered-chunk.age", h + p[:16 + CHUNK + 100] + bytes([p[16 + CHUNK + 100] ^ 1]) + p[16 + CHUNK + 101:])
write("tampered-last-chunk.age", h + p[:-1] + bytes([p[-1] ^ 0x80]))
h, p = split(read("x25519-65536.age"))
write("trailing-chunk-after-full-final.age", h + p + bytes(range(17)))
h, p = split(read("x25519-1.age"))
write("trailing-chunk-after-short-final.age", h + p + bytes(range(40)))
write("trailing-byte.age", read("x25519-200000.age") + b"\n")

h, p = split(read("multi.age"))
v, sts, mac = stanzas(h)
write("stanzas-reordered.age", join(v, [sts[1], sts[0], sts[2]], mac) + p)
bob = sts[1][:]
body = bob[1]
i = 5
ch = b"A" if body[i:i + 1] != b"A" else b"B"
bob[1] = body[:i] + ch + body[i + 1:]
write("stanza-body-char-changed.age", join(v, [sts[0], bob, sts[2]], mac) + p)
grease = [b"-> leakgate-grease x", b"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"]
write("extra-stanza.age", join(v, sts + [grease], mac) + p)
macline = mac[:4] + (b"B" if mac[4:5] != b"B" else b"C") + mac[5:]
write("mac-changed.age", join(v, sts, macline) + p)
