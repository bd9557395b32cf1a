package dev.leakgate.envelope;

import com.google.re2j.Pattern;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;

/**
 * The bytes sops hashes into its MAC for a value (sops.ToBytes of the Go value the store read): strings as
 * they are, ints in decimal, floats as Go's {@code strconv.FormatFloat(f, 'f', -1, 64)}, bools as
 * {@code True}/{@code False}; nulls are not hashed at all. Plain YAML scalars are typed as yaml.v3 types them
 * (YAML 1.2 core: {@code yes} is a string there), JSON numbers as sops' JSON store does (a whole number is an int).
 */
final class SopsMacBytes {
    private static final Pattern YAML_FLOAT = Pattern.compile("^[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?$");
    private static final Pattern GO_INT = Pattern.compile("^[-+]?(0[xX][0-9a-fA-F]+|0[oO]?[0-7]+|0[bB][01]+|[1-9][0-9]*|0)$");
    private static final BigInteger INT_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger UINT_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private SopsMacBytes() {
    }

    /** The MAC bytes of a value in clear, or null when sops hashes nothing for it (null). */
    static byte[] ofClear(SopsTree.Scalar s) {
        if (s.kind() == SopsTree.Kind.NULL) {
            return null;
        }
        return switch (s.typing()) {
            case TEXT -> utf8(s.text());
            case YAML_PLAIN -> yamlPlain(s.text());
            case JSON_LITERAL -> jsonLiteral(s.text());
        };
    }

    /**
     * The MAC bytes of a decrypted value of ENC type {@code type}: what sops' decrypt returns, through ToBytes.
     *
     * @throws IllegalArgumentException when sops could not read the plaintext as that type
     */
    static byte[] ofDecrypted(byte[] plaintext, String type) {
        String text = new String(plaintext, StandardCharsets.UTF_8);
        return switch (type) {
            case "str", "bytes", "time" -> plaintext;
            case "int" -> utf8(goAtoi(text).toString());
            case "float" -> utf8(formatFloat(goParseFloat(text)));
            case "bool" -> utf8(goParseBool(text) ? "True" : "False");
            default -> throw new IllegalArgumentException("unknown ENC type");
        };
    }

    private static byte[] yamlPlain(String text) {
        switch (text) {
            case "", "~", "null", "Null", "NULL":
                return null;
            case "true", "True", "TRUE":
                return utf8("True");
            case "false", "False", "FALSE":
                return utf8("False");
            case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF":
                return utf8("+Inf");
            case "-.inf", "-.Inf", "-.INF":
                return utf8("-Inf");
            case ".nan", ".NaN", ".NAN":
                return utf8("NaN");
            default:
                break;
        }
        char c = text.charAt(0);
        if (c == '+' || c == '-' || c == '.' || (c >= '0' && c <= '9')) {
            if (YamlTimestamp.looksLike(text)) {
                return utf8(text); // yaml.v3 gives a timestamp to an interface{} as its string
            }
            String plain = text.replace("_", "");
            BigInteger i = parseGoInt(plain);
            if (i != null && i.compareTo(INT_MIN) >= 0 && i.compareTo(UINT_MAX) <= 0) {
                return utf8(i.toString());
            }
            if (YAML_FLOAT.matcher(plain).matches()) {
                return utf8(formatFloat(Double.parseDouble(plain)));
            }
        }
        return utf8(text);
    }

    private static byte[] jsonLiteral(String text) {
        if (text.equals("true")) {
            return utf8("True");
        }
        if (text.equals("false")) {
            return utf8("False");
        }
        double d = Double.parseDouble(text);
        if (d == Math.floor(d) && !Double.isInfinite(d) && Math.abs(d) < 9.2e18) {
            return utf8(Long.toString((long) d));
        }
        return utf8(formatFloat(d));
    }

    /** strconv.ParseInt(s, 0, 64) for the forms YAML allows (0x, 0o, 0b, leading 0 octal). */
    private static BigInteger parseGoInt(String s) {
        if (!GO_INT.matcher(s).matches()) {
            return null;
        }
        boolean negative = s.startsWith("-");
        String body = s.startsWith("-") || s.startsWith("+") ? s.substring(1) : s;
        BigInteger v;
        if (body.startsWith("0x") || body.startsWith("0X")) {
            v = new BigInteger(body.substring(2), 16);
        } else if (body.startsWith("0b") || body.startsWith("0B")) {
            v = new BigInteger(body.substring(2), 2);
        } else if (body.startsWith("0o") || body.startsWith("0O")) {
            v = new BigInteger(body.substring(2), 8);
        } else if (body.length() > 1 && body.startsWith("0")) {
            v = new BigInteger(body.substring(1), 8);
        } else {
            v = new BigInteger(body);
        }
        return negative ? v.negate() : v;
    }

    private static BigInteger goAtoi(String s) {
        if (!s.matches("[-+]?[0-9]+")) {
            throw new IllegalArgumentException("not an int");
        }
        BigInteger v = new BigInteger(s.startsWith("+") ? s.substring(1) : s);
        if (v.bitLength() > 63) {
            throw new IllegalArgumentException("int out of range");
        }
        return v;
    }

    private static double goParseFloat(String s) {
        String t = s.replace("_", "");
        switch (t.toLowerCase(java.util.Locale.ROOT)) {
            case "inf", "+inf", "infinity", "+infinity":
                return Double.POSITIVE_INFINITY;
            case "-inf", "-infinity":
                return Double.NEGATIVE_INFINITY;
            case "nan":
                return Double.NaN;
            default:
                break;
        }
        if (!t.matches("[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?")) {
            throw new IllegalArgumentException("not a float");
        }
        return Double.parseDouble(t);
    }

    private static boolean goParseBool(String s) {
        return switch (s) {
            case "1", "t", "T", "TRUE", "true", "True" -> true;
            case "0", "f", "F", "FALSE", "false", "False" -> false;
            default -> throw new IllegalArgumentException("not a bool");
        };
    }

    /** Go's strconv.FormatFloat(d, 'f', -1, 64): the shortest decimal that reads back as d, never an exponent. */
    static String formatFloat(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "+Inf" : "-Inf";
        }
        if (d == 0) {
            return 1 / d < 0 ? "-0" : "0";
        }
        BigDecimal exact = new BigDecimal(d);
        for (int digits = 1; digits <= 17; digits++) {
            BigDecimal rounded = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
            if (rounded.doubleValue() == d) {
                return rounded.stripTrailingZeros().toPlainString();
            }
        }
        return exact.toPlainString();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
