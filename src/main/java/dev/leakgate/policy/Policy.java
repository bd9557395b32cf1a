package dev.leakgate.policy;

import com.google.re2j.Pattern;
import dev.leakgate.detect.Kind;
import dev.leakgate.detect.Rule;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Decides what applies where: secret rules everywhere, inventory rules on the public surface,
 * envelope checks under the secrets paths; and what is allowed or already baselined. Rules only
 * detect; the policy decides.
 */
public final class Policy {
    public static final List<String> DEFAULT_SECRETS_PATHS = List.of("secrets/**");

    /** Asked once, on first use: the built-in rules load on another thread meanwhile (see StagedCommand). */
    private final Supplier<List<Rule>> ruleSource;
    private volatile List<Rule> rules;
    private final Globs secretsPaths;
    /** null: everything outside the secrets paths. */
    private final Globs publicSurface;
    private final Globs allowPaths;
    private final List<Pattern> allowRegexes;
    private final Set<String> allowFingerprints;
    private final Set<String> baseline;
    private final Path sopsConfig;

    Policy(List<Rule> rules, Globs secretsPaths, Globs publicSurface, Globs allowPaths,
            List<Pattern> allowRegexes, Set<String> allowFingerprints, Set<String> baseline, Path sopsConfig) {
        this(() -> rules, secretsPaths, publicSurface, allowPaths, allowRegexes, allowFingerprints, baseline, sopsConfig);
    }

    Policy(Supplier<List<Rule>> rules, Globs secretsPaths, Globs publicSurface, Globs allowPaths,
            List<Pattern> allowRegexes, Set<String> allowFingerprints, Set<String> baseline, Path sopsConfig) {
        this.ruleSource = rules;
        this.secretsPaths = secretsPaths;
        this.publicSurface = publicSurface;
        this.allowPaths = allowPaths;
        this.allowRegexes = List.copyOf(allowRegexes);
        this.allowFingerprints = Set.copyOf(allowFingerprints);
        this.baseline = Set.copyOf(baseline);
        this.sopsConfig = sopsConfig;
    }

    /** The rules in force: built-in minus disabled, plus the config's own. */
    public List<Rule> rules() {
        List<Rule> r = rules;
        if (r == null) {
            r = rules = List.copyOf(ruleSource.get());
        }
        return r;
    }

    public boolean isSecretsPath(String path) {
        return secretsPaths.matches(path);
    }

    /** The public surface: the configured globs, or else everything outside the secrets paths. */
    public boolean isPublicSurface(String path) {
        if (isSecretsPath(path)) {
            return false;
        }
        return publicSurface == null || publicSurface.matches(path);
    }

    public boolean applies(Kind kind, String path) {
        return switch (kind) {
            case SECRET -> true;
            case INVENTORY -> isPublicSurface(path);
            case ENVELOPE -> isSecretsPath(path);
        };
    }

    public boolean isAllowedPath(String path) {
        return allowPaths.matches(path);
    }

    /** An allow regex matches the secret itself or the line it stands on. */
    public boolean isAllowedValue(String secret, String line) {
        for (Pattern p : allowRegexes) {
            if (p.matcher(secret).find() || (line != null && p.matcher(line).find())) {
                return true;
            }
        }
        return false;
    }

    public boolean isAllowedFingerprint(String fingerprint) {
        return allowFingerprints.contains(fingerprint) || baseline.contains(fingerprint);
    }

    /** Where the config points for {@code .sops.yaml} (resolved against the config's folder), or null. */
    public Path sopsConfig() {
        return sopsConfig;
    }

    /**
     * The same allowlists and baseline, but every path is a secrets path and no rule runs: what
     * the {@code envelope} command asks of the files it is given.
     */
    public Policy envelopeOnly() {
        return new Policy(List.of(), Globs.parse(List.of("**")), null, allowPaths, allowRegexes, allowFingerprints,
                baseline, sopsConfig);
    }

    public static Policy defaults(List<Rule> builtin) {
        return defaults(() -> builtin);
    }

    public static Policy defaults(Supplier<List<Rule>> builtin) {
        return new Policy(builtin, Globs.parse(DEFAULT_SECRETS_PATHS), null,
                Globs.none(), List.of(), Set.of(), Set.of(), null);
    }
}
