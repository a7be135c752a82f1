package dev.emporium.auth.accesstoken.web;

import java.time.Duration;
import java.util.Map;

import dev.emporium.auth.accesstoken.SigningKeys;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The public keys that validate access tokens: {@code GET /.well-known/jwks.json}, open to everyone. */
@RestController
class JwksController {

    /** RFC 7517's media type for a JWK Set. */
    static final MediaType JWK_SET = MediaType.parseMediaType("application/jwk-set+json");

    /**
     * Validators may cache the set this long. A new key is still found at once: validators fetch the set again
     * when a token names a key they do not know.
     */
    static final Duration MAX_AGE = Duration.ofSeconds(300);

    private final SigningKeys signingKeys;

    JwksController(SigningKeys signingKeys) {
        this.signingKeys = signingKeys;
    }

    @GetMapping("/.well-known/jwks.json")
    ResponseEntity<Map<String, Object>> jwks() {
        // The set holds public keys only; toJSONObject(true) would drop private parts even if one slipped in.
        return ResponseEntity.ok()
            .cacheControl(CacheControl.maxAge(MAX_AGE).cachePublic())
            .contentType(JWK_SET)
            .body(this.signingKeys.publishedKeys().toJSONObject(true));
    }

}
