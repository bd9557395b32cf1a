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

    /** Bytes past a keyword's line where the rule's matches still count (values listed under a keyword line). */
    public static final int DEFAULT_WINDOW = 0;
}
