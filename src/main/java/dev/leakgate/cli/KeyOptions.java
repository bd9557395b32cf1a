package dev.leakgate.cli;

import dev.leakgate.identity.Identities;
import dev.leakgate.identity.Identity;
import dev.leakgate.identity.IdentityException;
import dev.leakgate.policy.ConfigException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The operator's age identities for keyed envelope verification: --identity files, a --passphrase-file, and
 * sops' own environment conventions (SOPS_AGE_KEY_FILE, SOPS_AGE_KEY). Never from .leakgate.yaml: a key does
 * not belong in a file that is committed.
 */
public final class KeyOptions {
    static final String KEY_FILE_ENV = "SOPS_AGE_KEY_FILE";
    static final String KEY_ENV = "SOPS_AGE_KEY";

    @Option(names = "--identity", paramLabel = "FILE",
            description = "an age identity file (as age -i reads it: AGE-SECRET-KEY-1 lines, or an unencrypted OpenSSH"
                    + " ed25519/RSA key): envelopes it opens are verified whole (repeatable; also $SOPS_AGE_KEY_FILE, $SOPS_AGE_KEY)")
    List<Path> identities = new ArrayList<>();

    @Option(names = "--passphrase-file", paramLabel = "FILE", description = "a passphrase for scrypt (age -p) files")
    Path passphraseFile;

    @Option(names = "--require-verified",
            description = "report an envelope none of the identities opens (default: counted as not verified)")
    boolean requireVerified;

    /** The identities, in the order they are tried: --identity files, the passphrase, then the environment. */
    Keys load() {
        return load(System.getenv());
    }

    Keys load(Map<String, String> env) {
        List<Identity> out = new ArrayList<>();
        try {
            for (Path p : identities) {
                out.addAll(Identities.fromFile(p));
            }
            if (passphraseFile != null) {
                out.add(Identities.passphrase(passphraseFile));
            }
            String file = env.get(KEY_FILE_ENV);
            if (file != null && !file.isEmpty()) {
                out.addAll(Identities.fromFile(Path.of(file)));
            }
            String inline = env.get(KEY_ENV);
            if (inline != null && !inline.isBlank()) {
                out.addAll(Identities.fromText(inline, "$" + KEY_ENV));
            }
        } catch (IdentityException e) {
            throw new ConfigException(e.getMessage());
        }
        if (requireVerified && out.isEmpty()) {
            throw new ConfigException("--require-verified needs an identity (--identity, --passphrase-file, $"
                    + KEY_FILE_ENV + " or $" + KEY_ENV + ")");
        }
        return new Keys(out, requireVerified);
    }
}
