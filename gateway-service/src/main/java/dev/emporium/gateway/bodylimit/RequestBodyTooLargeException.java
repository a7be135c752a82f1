package dev.emporium.gateway.bodylimit;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * Raised from inside the streaming request body once it passes the cap, and rendered by the
 * web layer as the problem it carries. A {@code 4xx} {@link ResponseStatusException} so that the
 * upstream failure handling lets it pass as the client's mistake rather than turning it into a
 * {@code 503}; the circuit breakers ignore it too (see {@code application.yml}).
 */
class RequestBodyTooLargeException extends ResponseStatusException {

	static final URI TYPE = URI.create("https://emporium.dev/problems/request-too-large");

	static final String TITLE = "Request body too large";

	RequestBodyTooLargeException(long maxBytes) {
		super(HttpStatus.CONTENT_TOO_LARGE, detail(maxBytes));
		setType(TYPE);
		setTitle(TITLE);
	}

	static String detail(long maxBytes) {
		return "The request body is larger than the " + maxBytes + " bytes allowed.";
	}

}
