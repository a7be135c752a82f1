package dev.emporium.gateway.headers;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.http.server.reactive.MockServerHttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

class SecurityHeadersWebFilterTest {

	@Test
	void setsTheHeadersAndDropsTheServerBanner() {
		MockServerHttpResponse response = new MockServerHttpResponse();
		response.getHeaders().set("Server", "SomeFramework/1.2");
		response.getHeaders().set("X-Powered-By", "SomeRuntime");

		SecurityHeadersWebFilter.apply(MockServerHttpRequest.get("http://gateway/api/products").build(), response);

		assertThat(response.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(response.getHeaders().getFirst("X-Frame-Options")).isEqualTo("DENY");
		assertThat(response.getHeaders().getFirst("Content-Security-Policy")).isEqualTo("frame-ancestors 'none'");
		assertThat(response.getHeaders().getFirst("Referrer-Policy")).isEqualTo("no-referrer");
		assertThat(response.getHeaders().containsHeader("Server")).isFalse();
		assertThat(response.getHeaders().containsHeader("X-Powered-By")).isFalse();
	}

	@Test
	void hstsOnlyOverHttps() {
		MockServerHttpResponse plain = new MockServerHttpResponse();
		MockServerHttpResponse secure = new MockServerHttpResponse();

		SecurityHeadersWebFilter.apply(MockServerHttpRequest.get("http://gateway/api/products").build(), plain);
		SecurityHeadersWebFilter.apply(MockServerHttpRequest.get("https://gateway/api/products").build(), secure);

		assertThat(plain.getHeaders().containsHeader("Strict-Transport-Security")).isFalse();
		assertThat(secure.getHeaders().getFirst("Strict-Transport-Security"))
			.isEqualTo("max-age=31536000; includeSubDomains");
	}

	@Test
	void errorsAreNeverCacheableWhileSuccessesKeepTheUpstreamsChoice() {
		MockServerHttpResponse cacheableSuccess = new MockServerHttpResponse();
		cacheableSuccess.setStatusCode(HttpStatus.OK);
		cacheableSuccess.getHeaders().setCacheControl("max-age=300");
		MockServerHttpResponse silentSuccess = new MockServerHttpResponse();
		silentSuccess.setStatusCode(HttpStatus.OK);
		MockServerHttpResponse cacheableError = new MockServerHttpResponse();
		cacheableError.setStatusCode(HttpStatus.NOT_FOUND);
		cacheableError.getHeaders().setCacheControl("max-age=300");

		for (MockServerHttpResponse response : new MockServerHttpResponse[] { cacheableSuccess, silentSuccess,
				cacheableError }) {
			SecurityHeadersWebFilter.apply(MockServerHttpRequest.get("http://gateway/x").build(), response);
		}

		assertThat(cacheableSuccess.getHeaders().getCacheControl()).isEqualTo("max-age=300");
		assertThat(silentSuccess.getHeaders().getCacheControl()).isEqualTo("no-store");
		assertThat(cacheableError.getHeaders().getCacheControl()).isEqualTo("no-store");
	}

}
