package dev.leakgate.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One thing that must not be public, as every report format shows it. It holds no secret: only
 * a fingerprint (a slow salted hash) and a redacted preview. {@code line} and {@code column} are
 * null when no single line is at fault (a whole file that is not an envelope).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"ruleId", "kind", "description", "path", "line", "column", "commit", "fingerprint",
    "preview", "decoded", "otherPaths", "otherCommits", "inBase"})
public record Finding(
        String ruleId,
        String kind,
        String description,
        String path,
        // Always present: "line": null says no single line is at fault (a file that is no envelope).
        @JsonInclude(JsonInclude.Include.ALWAYS) Integer line,
        Integer column,
        String commit,
        String fingerprint,
        String preview,
        Boolean decoded,
        Integer otherPaths,
        Integer otherCommits,
        // gate: true when the leak is already published at the base (not added by the range); else absent
        Boolean inBase) {

    public Finding(String ruleId, String kind, String description, String path, Integer line, Integer column,
            String commit, String fingerprint, String preview, Boolean decoded, Integer otherPaths, Integer otherCommits) {
        this(ruleId, kind, description, path, line, column, commit, fingerprint, preview, decoded, otherPaths,
                otherCommits, null);
    }

    public Finding withCommit(String c) {
        return new Finding(ruleId, kind, description, path, line, column, c, fingerprint, preview, decoded,
                otherPaths, otherCommits, inBase);
    }

    public Finding withProvenance(String c, int paths, int commits) {
        return new Finding(ruleId, kind, description, path, line, column, c, fingerprint, preview, decoded,
                paths, commits, inBase);
    }

    /** Marks a gate finding the range does not add: it is already published at the base. */
    public Finding markedInBase() {
        return new Finding(ruleId, kind, description, path, line, column, commit, fingerprint, preview, decoded,
                otherPaths, otherCommits, Boolean.TRUE);
    }

    /** "path:line" or just the path. */
    public String location() {
        return line == null ? path : path + ":" + line;
    }
}
