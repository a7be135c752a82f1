package dev.emporium.gateway.bodylimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param maxRequestBodySize the largest request body the gateway passes on
 */
@ConfigurationProperties("emporium.gateway")
record BodyLimitProperties(@DefaultValue("1MB") DataSize maxRequestBodySize) {

	BodyLimitProperties {
		if (maxRequestBodySize.toBytes() < 1) {
			throw new IllegalArgumentException(
					"emporium.gateway.max-request-body-size must be positive, got: " + maxRequestBodySize);
		}
	}

}
