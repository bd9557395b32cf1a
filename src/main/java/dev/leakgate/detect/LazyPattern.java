package dev.leakgate.detect;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

/**
 * A regex compiled on first use. Built-in rules were compiled and checked when the jar was built
 * ({@link RulePackCompiler}), so at run time only the rules whose keywords occur pay for
 * compilation: a pre-commit check touches a handful of the several hundred rules. A pattern
 * made around another one ({@link #around}) also writes its source only on first use.
 */
public final class LazyPattern {
    private volatile String source;
    private final String prefix;
    private final LazyPattern inner;
    private final String suffix;
    private volatile Pattern compiled;

    LazyPattern(String source) {
        this.source = source;
        this.prefix = null;
        this.inner = null;
        this.suffix = null;
    }

    LazyPattern(Pattern compiled) {
        this(compiled.pattern());
        this.compiled = compiled;
    }

    private LazyPattern(String prefix, LazyPattern inner, String suffix) {
        this.prefix = prefix;
        this.inner = inner;
        this.suffix = suffix;
    }

    /** {@code prefix + inner + suffix}, its source written and compiled on first use. */
    static LazyPattern around(String prefix, LazyPattern inner, String suffix) {
        return new LazyPattern(prefix, inner, suffix);
    }

    public Pattern get() {
        Pattern p = compiled;
        if (p == null) {
            p = compiled = Pattern.compile(source());
        }
        return p;
    }

    public Matcher matcher(CharSequence input) {
        return get().matcher(input);
    }

    public String source() {
        String s = source;
        if (s == null) {
            s = source = prefix + inner.source() + suffix;
        }
        return s;
    }
}
