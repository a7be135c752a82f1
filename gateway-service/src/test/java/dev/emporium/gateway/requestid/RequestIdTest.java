package dev.emporium.gateway.requestid;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RequestIdTest {

	@ParameterizedTest
	@ValueSource(strings = { "a", "abc-123", "A.b_C-9", "0f8fad5b-d9cb-469f-a165-70867728950e",
			"1234567890123456789012345678901234567890123456789012345678901234" })
	void keepsWellFormedIds(String incoming) {
		assertThat(RequestId.isWellFormed(incoming)).isTrue();
		assertThat(RequestId.fromHeader(incoming).value()).isEqualTo(incoming);
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { " ", "has space", "semi;colon", "new\nline", "slash/", "quote\"", "ümlaut", "{json}",
			"12345678901234567890123456789012345678901234567890123456789012345" })
	void replacesMissingOrMalformedIds(String incoming) {
		assertThat(RequestId.isWellFormed(incoming)).isFalse();

		String replacement = RequestId.fromHeader(incoming).value();

		assertThat(replacement).isNotEqualTo(incoming);
		assertThat(UUID.fromString(replacement).toString()).isEqualTo(replacement);
	}

	@Test
	void generatesDistinctIds() {
		assertThat(RequestId.generate()).isNotEqualTo(RequestId.generate());
	}

	@Test
	void refusesToHoldAMalformedId() {
		assertThatIllegalArgumentException().isThrownBy(() -> new RequestId("not ok"));
	}

}
