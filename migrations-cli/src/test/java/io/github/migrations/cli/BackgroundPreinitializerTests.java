package io.github.migrations.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BackgroundPreinitializerTests {

	@Test
	void preinitializingParsesItsRevisionAndSplitsBothSections() {
		var script = BackgroundPreinitializer.preinitialize();
		assertThat(script.revision().id().value()).isEqualTo("preinitialize");
		assertThat(script.upgrade()).hasSize(1);
		assertThat(script.downgrade()).hasSize(1);
	}

}
