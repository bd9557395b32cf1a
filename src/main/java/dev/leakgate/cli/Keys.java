package dev.leakgate.cli;

import dev.leakgate.identity.Identity;
import dev.leakgate.report.ScanStats;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The identities of one run and what they proved: the paths of envelopes they opened and of those none of
 * them opens, for the run's stats.
 */
final class Keys {
    static final Keys NONE = new Keys(List.of(), false);

    private final List<Identity> identities;
    private final boolean requireVerified;
    private final Set<String> verified = ConcurrentHashMap.newKeySet();
    private final Set<String> notVerified = ConcurrentHashMap.newKeySet();

    Keys(List<Identity> identities, boolean requireVerified) {
        this.identities = List.copyOf(identities);
        this.requireVerified = requireVerified;
    }

    List<Identity> identities() {
        return identities;
    }

    boolean requireVerified() {
        return requireVerified;
    }

    void opened(String path) {
        verified.add(path);
    }

    void notOpened(String path) {
        notVerified.add(path);
    }

    void addTo(ScanStats stats) {
        verified.forEach(stats::verified);
        notVerified.forEach(stats::notVerified);
    }
}
