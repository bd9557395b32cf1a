package dev.leakgate.envelope;

/** Lets a parser stop at the first fault it cannot read past, carrying the problem to report. */
final class ProblemException extends Exception {
    private final transient EnvelopeProblem problem;

    ProblemException(String reason, String message, Integer line) {
        super(message, null, false, false);
        this.problem = new EnvelopeProblem(reason, message, line);
    }

    EnvelopeProblem problem() {
        return problem;
    }
}
