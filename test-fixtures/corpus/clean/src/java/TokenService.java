package com.internal.auth;

import io.jsonwebtoken.Jwts;
import java.time.Duration;
import java.util.UUID;

/** Issues and checks access tokens; the signing key comes from the secret store, never from code. */
public final class TokenService {
    private static final String TOKEN_HEADER = "Authorization";
    private static final String TOKEN_PREFIX = "Bearer ";
    private static final Duration TOKEN_TTL = Duration.ofMinutes(15);
    private static final String SECRET_NAME = "prod/auth/jwt-signing-key";
    private static final UUID SYSTEM_USER = UUID.fromString("6a13fa13-94a6-4e79-aa6d-1d5199d4b038");

    private final SecretStore secrets;
    private final Clock clock;

    public TokenService(SecretStore secrets, Clock clock) {
        this.secrets = secrets;
        this.clock = clock;
    }

    public String issue(String subject) {
        byte[] signingKey = secrets.get(SECRET_NAME);
        return Jwts.builder().subject(subject).expiration(clock.now().plus(TOKEN_TTL)).signWith(Keys.hmacShaKeyFor(signingKey)).compact();
    }

    public boolean check(String header) {
        if (header == null || !header.startsWith(TOKEN_PREFIX)) {
            return false;
        }
        String token = header.substring(TOKEN_PREFIX.length());
        return verify(token);
    }

    boolean passwordMatches(char[] password, String storedHash) {
        if (password.length == 0) {
            return false;
        }
        return BCrypt.checkpw(new String(password), storedHash);
    }
}
