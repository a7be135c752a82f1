package dev.emporium.auth.accesstoken.web;

import java.util.List;

import com.nimbusds.jose.jwk.JWK;
import dev.emporium.auth.accesstoken.SigningKeys;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Administrators rotate the signing key at once, e.g. when they suspect it leaked. */
@RestController
class KeyController {

    private final SigningKeys signingKeys;

    KeyController(SigningKeys signingKeys) {
        this.signingKeys = signingKeys;
    }

    @PostMapping("/api/auth/keys/rotate")
    @PreAuthorize("hasRole('ADMIN')")
    KeyRotationResponse rotate() {
        String activeKid = this.signingKeys.rotate();
        List<String> published = this.signingKeys.publishedKeys().getKeys().stream().map(JWK::getKeyID).toList();
        return new KeyRotationResponse(activeKid, published);
    }

    /**
     * @param activeKid the key that signs from now on
     * @param publishedKids every key validators accept, the active one included
     */
    record KeyRotationResponse(String activeKid, List<String> publishedKids) {
    }

}
