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
    private final Baseline baseline;
    private final Path sopsConfig;
    /** Whether a `leakgate:allow` comment on a line accepts its findings (inlineAllow: false turns it off). */
    private final boolean inlineAllow;

    Policy(List<Rule> rules, Globs secretsPaths, Globs publicSurface, Globs allowPaths,
            List<Pattern> allowRegexes, Set<String> allowFingerprints, Baseline baseline, Path sopsConfig) {
        this(() -> rules, secretsPaths, publicSurface, allowPaths, allowRegexes, allowFingerprints, baseline, sopsConfig, true);
    }

    Policy(Supplier<List<Rule>> rules, Globs secretsPaths, Globs publicSurface, Globs allowPaths,
            List<Pattern> allowRegexes, Set<String> allowFingerprints, Baseline baseline, Path sopsConfig,
            boolean inlineAllow) {
        this.ruleSource = rules;
        this.secretsPaths = secretsPaths;
        this.publicSurface = publicSurface;
        this.allowPaths = allowPaths;
        this.allowRegexes = List.copyOf(allowRegexes);
        this.allowFingerprints = Set.copyOf(allowFingerprints);
        this.baseline = baseline;
        this.sopsConfig = sopsConfig;
        this.inlineAllow = inlineAllow;
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

    /** A fingerprint listed under allow.fingerprints. */
    public boolean isAllowedFingerprint(String fingerprint) {
        return allowFingerprints.contains(fingerprint);
    }

    /** The accepted findings of an earlier run ({@link Baseline#NONE} when there is none). */
    public Baseline baseline() {
        return baseline;
    }

    /** Whether a `leakgate:allow` comment on a line accepts the (secret and inventory) findings of that line. */
    public boolean inlineAllow() {
        return inlineAllow;
    }

    /** This policy with inline allow comments ignored: every exception must be in the config or the baseline. */
    public Policy withoutInlineAllow() {
        return new Policy(ruleSource, secretsPaths, publicSurface, allowPaths, allowRegexes, allowFingerprints,
                baseline, sopsConfig, false);
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
        return new Policy(() -> List.of(), Globs.parse(List.of("**")), null, allowPaths, allowRegexes, allowFingerprints,
                baseline, sopsConfig, inlineAllow);
    }

    public static Policy defaults(List<Rule> builtin) {
        return defaults(() -> builtin);
    }

    public static Policy defaults(Supplier<List<Rule>> builtin) {
        return new Policy(builtin, Globs.parse(DEFAULT_SECRETS_PATHS), null,
                Globs.none(), List.of(), Set.of(), Baseline.NONE, null, true);
    }
}
