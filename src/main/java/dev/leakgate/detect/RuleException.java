package dev.leakgate.detect;

/** A rule that cannot be loaded; the message is one line naming the file and the rule. */
public final class RuleException extends RuntimeException {
    public RuleException(String message) {
        super(message);
    }
}
