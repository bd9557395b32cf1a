package dev.leakgate.envelope;

import com.google.re2j.Pattern;

/** The timestamp forms yaml.v3 recognises in a plain scalar (it hands them to an interface{} as strings). */
final class YamlTimestamp {
    private static final Pattern FORMS = Pattern.compile(
            "^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(([Tt]|[ \\t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(\\.[0-9]*)?([ \\t]*(Z|[-+][0-9]{1,2}(:[0-9]{2})?))?)?$");

    private YamlTimestamp() {
    }

    static boolean looksLike(String s) {
        return FORMS.matcher(s).matches();
    }
}
