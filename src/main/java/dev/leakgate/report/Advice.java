package dev.leakgate.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What to do about a finding, per kind, and how to accept one: said once when a commit, a push
 * or a publish is blocked, and carried as each rule's help in SARIF.
 */
public final class Advice {
    /** What was blocked, and how a person could go past the check anyway. */
    public enum Blocked {
        COMMIT("commit blocked", "what this commit would record", "git commit --no-verify"),
        PUSH("push blocked", "what this push would publish", "git push --no-verify"),
        PUBLISH("publish blocked", "what the range would publish", null);

        private final String headline;
        private final String what;
        private final String bypass;

        Blocked(String headline, String what, String bypass) {
            this.headline = headline;
            this.what = what;
            this.bypass = bypass;
        }
    }

    static final String SECRET = "remove it and rotate it (revoke it, issue a new one): a secret that was ever pushed"
            + " is compromised, and rewriting history does not un-publish it.";
    static final String INVENTORY = "move it off the public surface (into a secrets path, encrypted, or out of the"
            + " repository), or accept it if publishing it is intended.";
    static final String ENVELOPE = "re-encrypt the file: `sops updatekeys FILE` when its recipients drifted from"
            + " .sops.yaml, `sops -e -i FILE` for a file or value in clear (and rotate what was in clear if it was ever pushed).";
    static final String ACCEPT = "To accept a finding: a `leakgate:allow` comment on its line (not for envelope findings),"
            + " its fingerprint under allow.fingerprints in .leakgate.yaml, or a baseline (--write-baseline FILE).";

    private Advice() {
    }

    /** What to do about a finding of this kind. */
    public static String forKind(String kind) {
        return switch (kind) {
            case "secret" -> "Secret: " + SECRET;
            case "inventory" -> "Inventory: " + INVENTORY;
            default -> "Envelope: " + ENVELOPE;
        };
    }

    /** The lines said once when {@code report} blocks: what happened, per kind what to do, how to accept or go past. */
    public static List<String> blocked(Blocked blocked, Report report) {
        Set<String> kinds = new TreeSet<>(java.util.Comparator.comparingInt(Advice::rank));
        for (Finding f : report.findings()) {
            kinds.add(f.kind());
        }
        int n = report.findings().size();
        List<String> out = new ArrayList<>();
        out.add("leakgate: " + blocked.headline + ": " + n + (n == 1 ? " finding in " : " findings in ") + blocked.what + ".");
        for (String kind : kinds) {
            out.add("  " + forKind(kind));
        }
        out.add("  " + ACCEPT);
        if (blocked.bypass != null) {
            out.add("  To " + (blocked == Blocked.COMMIT ? "commit" : "push") + " anyway (skips every hook of this kind): "
                    + blocked.bypass);
        }
        return out;
    }

    private static int rank(String kind) {
        return switch (kind) {
            case "secret" -> 0;
            case "inventory" -> 1;
            default -> 2;
        };
    }
}
