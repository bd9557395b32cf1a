package dev.leakgate.source;

import java.util.function.BiPredicate;
import java.util.function.Predicate;

/**
 * What the git sources need to know of the policy about paths: which files a check wants whole
 * (the secrets paths), and whether two paths fall under the same rules. A file renamed across a
 * policy boundary (out of an allowlisted folder, out of the secrets paths onto the public
 * surface) is new content at its new path: every line of it counts, not only the lines the
 * rename changed.
 */
public record PathRules(Predicate<String> wantsWhole, BiPredicate<String, String> samePolicy) {

    /** For callers that know only the secrets paths: two paths are alike when both or neither are. */
    public static PathRules secretsPaths(Predicate<String> secretsPath) {
        return new PathRules(secretsPath, (a, b) -> secretsPath.test(a) == secretsPath.test(b));
    }
}
