package dev.leakgate.pipeline;

import dev.leakgate.report.ScanStats;
import java.util.List;

/** Checks a file under a secrets path; an empty list means it is a valid envelope. */
@FunctionalInterface
public interface EnvelopeInspector {
    /** One defect: the rule id it is reported under, why (never a value), and the line if one is at fault. */
    record Defect(String ruleId, String reason, String message, Integer line) {
    }

    List<Defect> inspect(String path, byte[] content);

    /** Adds what the inspections of a run proved (envelopes opened with a key, or not) to its stats. */
    default void addTo(ScanStats stats) {
    }

    EnvelopeInspector NONE = (path, content) -> List.of();
}
