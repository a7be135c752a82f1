package dev.emporium.auth.accesstoken;

import java.time.Duration;
import java.util.Objects;

/** A signed access token and how long it is valid from now. */
public record IssuedAccessToken(String value, Duration expiresIn) {

    public IssuedAccessToken {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(expiresIn, "expiresIn");
    }

    @Override
    public String toString() {
        return "IssuedAccessToken[value=[hidden], expiresIn=" + this.expiresIn + "]";
    }

}
