package dev.leakgate.envelope;

/**
 * One reason a file is not a sound envelope.
 *
 * @param reason  a stable slug (the sops fixture manifest's slugs where they apply, {@code age-*} for age)
 * @param message a one-line explanation that names key paths and positions but never a value from the file
 * @param line    1-based line in the file, or {@code null} when no single line is at fault
 */
public record EnvelopeProblem(String reason, String message, Integer line) {
}
