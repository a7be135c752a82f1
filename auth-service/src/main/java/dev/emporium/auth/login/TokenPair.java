package dev.emporium.auth.login;

import java.time.Duration;
import java.util.Objects;

/** What a login or a refresh hands out: an access token, valid for {@code expiresIn}, and its refresh token. */
public record TokenPair(String accessToken, String refreshToken, Duration expiresIn) {

    public TokenPair {
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(refreshToken, "refreshToken");
        Objects.requireNonNull(expiresIn, "expiresIn");
    }

    @Override
    public String toString() {
        return "TokenPair[accessToken=[hidden], refreshToken=[hidden], expiresIn=" + this.expiresIn + "]";
    }

}
