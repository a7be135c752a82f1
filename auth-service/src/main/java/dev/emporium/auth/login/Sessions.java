package dev.emporium.auth.login;

import dev.emporium.auth.accesstoken.AccessTokenIssuer;
import dev.emporium.auth.accesstoken.IssuedAccessToken;
import dev.emporium.auth.user.CredentialCheck;
import dev.emporium.auth.user.EmailAddress;
import dev.emporium.auth.user.Role;
import dev.emporium.auth.user.User;
import dev.emporium.auth.user.UserRegistration;
import org.springframework.stereotype.Service;

/** Login, refresh and logout: the feature's entry point for its web adapter. */
@Service
public class Sessions {

    private final LoginThrottle throttle;

    private final CredentialCheck credentials;

    private final UserRegistration users;

    private final RefreshTokens refreshTokens;

    private final AccessTokenIssuer accessTokens;

    Sessions(LoginThrottle throttle, CredentialCheck credentials, UserRegistration users, RefreshTokens refreshTokens,
            AccessTokenIssuer accessTokens) {
        this.throttle = throttle;
        this.credentials = credentials;
        this.users = users;
        this.refreshTokens = refreshTokens;
        this.accessTokens = accessTokens;
    }

    /**
     * Logs in with an e-mail address and password. The throttle is asked first, so a throttled account costs no
     * password hash at all.
     * @throws LoginThrottledException (429) when the account failed too often recently
     * @throws InvalidCredentialsException (401) for a wrong password or an unknown address, alike
     */
    public TokenPair login(EmailAddress email, String password) {
        this.throttle.admit(email);
        User user = this.credentials.verify(email, password).orElseThrow(InvalidCredentialsException::new);
        this.throttle.succeeded(email);
        return tokens(user, this.refreshTokens.startFamily(user.id()));
    }

    /**
     * Exchanges a refresh token for a new pair. The access token carries the account's roles as they are now, so
     * a role change reaches a login at its next refresh.
     * @throws InvalidRefreshTokenException (401) when the token cannot be exchanged
     */
    public TokenPair refresh(String refreshToken) {
        if (!(this.refreshTokens.exchange(refreshToken) instanceof RefreshTokens.Exchange.Exchanged exchanged)) {
            throw new InvalidRefreshTokenException();
        }
        User user = this.users.find(exchanged.userId()).orElseThrow(InvalidRefreshTokenException::new);
        return tokens(user, exchanged.successor());
    }

    /** Ends the login the refresh token belongs to; its access token lapses within its short lifetime. */
    public void logout(String refreshToken) {
        this.refreshTokens.revokeFamilyOf(refreshToken);
    }

    private TokenPair tokens(User user, String refreshToken) {
        IssuedAccessToken access = this.accessTokens.issue(user.id().value(),
                user.roles().stream().map(Role::name).toList());
        return new TokenPair(access.value(), refreshToken, access.expiresIn());
    }

}
