package dev.emporium.gateway.requestid;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The id that ties together the log lines and traces of one request across the services.
 * A client may bring its own, but only a short token of URL-safe characters: anything else
 * could forge log lines or blow up header sizes downstream, so it is replaced.
 */
record RequestId(String value) {

	static final String HEADER = "X-Request-Id";

	static final int MAX_LENGTH = 64;

	RequestId {
		if (!isWellFormed(value)) {
			throw new IllegalArgumentException("Not a well-formed request id: '" + value + "'");
		}
	}

	/** The client's id when it is well-formed, otherwise a new one. */
	static RequestId fromHeader(@Nullable String header) {
		return isWellFormed(header) ? new RequestId(header) : generate();
	}

	static RequestId generate() {
		return new RequestId(UUID.randomUUID().toString());
	}

	/** 1 to 64 characters out of {@code A-Z a-z 0-9 . _ -}. */
	static boolean isWellFormed(@Nullable String candidate) {
		if (candidate == null || candidate.isEmpty() || candidate.length() > MAX_LENGTH) {
			return false;
		}
		for (int i = 0; i < candidate.length(); i++) {
			if (!isAllowed(candidate.charAt(i))) {
				return false;
			}
		}
		return true;
	}

	private static boolean isAllowed(char c) {
		return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_'
				|| c == '-';
	}

}
