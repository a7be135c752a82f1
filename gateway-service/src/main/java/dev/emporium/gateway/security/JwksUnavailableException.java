package dev.emporium.gateway.security;

/**
 * No signing keys are at hand to check a token with: auth-service's JWK Set has not been fetched
 * yet and cannot be now. Not the client's fault, so it answers {@code 503}, not {@code 401}.
 */
class JwksUnavailableException extends RuntimeException {

	JwksUnavailableException(String message) {
		super(message);
	}

	JwksUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
