package dev.emporium.auth.login.web;

import dev.emporium.auth.login.TokenPair;

/**
 * The answer of login and refresh.
 *
 * @param expiresIn seconds until the access token expires
 */
record TokenResponse(String accessToken, String refreshToken, String tokenType, long expiresIn) {

    static final String BEARER = "Bearer";

    static TokenResponse from(TokenPair tokens) {
        return new TokenResponse(tokens.accessToken(), tokens.refreshToken(), BEARER, tokens.expiresIn().toSeconds());
    }

    @Override
    public String toString() {
        // Spring MVC logs response bodies at debug level; tokens must never be in them.
        return "TokenResponse[accessToken=[hidden], refreshToken=[hidden], tokenType=" + this.tokenType
                + ", expiresIn=" + this.expiresIn + "]";
    }

}
