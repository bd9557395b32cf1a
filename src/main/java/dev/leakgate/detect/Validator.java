package dev.leakgate.detect;

/** A checksum or structure check on a candidate secret: false means "not a real token". */
@FunctionalInterface
public interface Validator {
    boolean valid(String secret);
}
