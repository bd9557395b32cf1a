package dev.leakgate.detect;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The named validators a rule may use; a rule naming any other is a config error. */
public final class Validators {
    private static final Map<String, Validator> BY_NAME = new TreeMap<>();

    static {
        BY_NAME.put("jwt-service-role", JwtServiceRole::valid);
        BY_NAME.put("bech32", Bech32::valid);
        BY_NAME.put("crc32-base62", Crc32Base62::valid);
        BY_NAME.put("ssh-public-key", SshPublicKeys::valid);
        BY_NAME.put("nix-signing-key", NixSigningKeys::valid);
        BY_NAME.put("jwt", Jwt::valid);
        BY_NAME.put("base64-jwt", Jwt::validBase64);
        BY_NAME.put("base64-userpass", Base64Credentials::userPass);
        BY_NAME.put("base64-private-key", Base64Credentials::privateKey);
        BY_NAME.put("generic-entropy", GenericEntropy::valid);
    }

    private Validators() {
    }

    public static Validator named(String name) {
        return BY_NAME.get(name);
    }

    public static Set<String> names() {
        return BY_NAME.keySet();
    }
}
