package dev.leakgate.detect;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

/**
 * A regex compiled on first use. Built-in rules were compiled and checked when the jar was built
 * ({@link RulePackCompiler}), so at run time only the rules whose keywords occur pay for
 * compilation: a pre-commit check touches a handful of the several hundred rules.
 */
public final class LazyPattern {
    private final String source;
    private volatile Pattern compiled;

    LazyPattern(String source) {
        this.source = source;
    }

    LazyPattern(Pattern compiled) {
        this.source = compiled.pattern();
        this.compiled = compiled;
    }

    public Pattern get() {
        Pattern p = compiled;
        if (p == null) {
            p = compiled = Pattern.compile(source);
        }
        return p;
    }

    public Matcher matcher(CharSequence input) {
        return get().matcher(input);
    }

    public String source() {
        return source;
    }
}
