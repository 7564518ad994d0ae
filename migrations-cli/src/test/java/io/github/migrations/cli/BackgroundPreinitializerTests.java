package io.github.migrations.cli;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

class BackgroundPreinitializerTests {

	@Test
	void everyListedDriverClassIsOnTheClassPath() {
		List<String> classes = BackgroundPreinitializer.driverClasses();
		assertThat(classes).hasSizeGreaterThan(100).allMatch((name) -> name.startsWith("org.postgresql."));
		List<String> missing = classes.stream().filter((name) -> !exists(name)).toList();
		assertThat(missing)
			.as("classes the driver no longer has; list them again as " + BackgroundPreinitializer.DRIVER_CLASSES
					+ " says")
			.isEmpty();
	}

	private static boolean exists(String name) {
		try {
			Class.forName(name, false, BackgroundPreinitializerTests.class.getClassLoader());
			return true;
		}
		catch (ClassNotFoundException ex) {
			return false;
		}
	}

	@Test
	void preinitializingParsesItsRevisionAndSplitsBothSections() {
		var script = BackgroundPreinitializer.preinitialize();
		assertThat(script.revision().id().value()).isEqualTo("preinitialize");
		assertThat(script.upgrade()).hasSize(1);
		assertThat(script.downgrade()).hasSize(1);
	}

	@Test
	@Timeout(value = 1, unit = TimeUnit.MINUTES)
	void withoutAPreinitializerThereIsNothingToWaitFor() {
		BackgroundPreinitializer.LoggingStart logging = new BackgroundPreinitializer.LoggingStart();
		// never opened: a wait would last the whole (day-long) timeout
		assertThat(logging.await(Duration.ofDays(1))).isFalse();
	}

	@Test
	@Timeout(value = 1, unit = TimeUnit.MINUTES)
	void aStartedPreinitializerIsWaitedForUntilLoggingHasStarted() {
		BackgroundPreinitializer.LoggingStart logging = new BackgroundPreinitializer.LoggingStart();
		logging.expect();
		CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(() -> logging.await(Duration.ofDays(1)));
		assertThat(waiting).isNotDone();
		logging.started();
		assertThat(waiting.join()).isTrue();
	}

}
