package io.github.migrations.autoconfigure;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CredentialsTests {

	@Test
	void masksUserInformationOfUrls() {
		assertThat(Credentials.mask("cannot reach postgresql://app:s3cret@db:5432/orders now"))
			.isEqualTo("cannot reach postgresql://******@db:5432/orders now");
	}

	@Test
	void masksPasswordParameters() {
		assertThat(Credentials.mask("jdbc:postgresql://db/orders?user=app&password=s3cret&ssl=true"))
			.isEqualTo("jdbc:postgresql://db/orders?user=app&password=******&ssl=true");
		assertThat(Credentials.mask("url jdbc:postgresql://db/orders?PASSWORD=s3cret")).doesNotContain("s3cret");
	}

	@Test
	void leavesOtherTextAlone() {
		String message = "db/revisions/002_orders.sql:7: column \"placed_on\" does not exist (SQLSTATE 42703)";
		assertThat(Credentials.mask(message)).isEqualTo(message);
		assertThat(Credentials.maskNullable(null)).isNull();
	}

}
