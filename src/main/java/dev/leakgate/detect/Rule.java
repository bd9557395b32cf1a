package dev.leakgate.detect;

import java.util.List;

/** A compiled rule: what to look for and how to tell a real secret from a look-alike. */
public record Rule(
        String id,
        Kind kind,
        String description,
        LazyPattern pattern,
        int secretGroup,
        List<String> keywords,
        double entropy,
        int minLength,
        String validatorName,
        Validator validator,
        List<LazyPattern> allow,
        int window,
        boolean generic,
        boolean anchored,
        boolean assignment,
        TokenShape shape,
        List<String> examples,
        List<String> negativeExamples,
        String origin) {

    /** Bytes past the keyword's line that a multi-line pattern may need (a PEM block). */
    public static final int DEFAULT_WINDOW = 0;
}
