package io.github.migrations.sample.seed;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Ids for seed rows, derived from their natural keys, so that seeding twice inserts
 * nothing new.
 */
final class SeedIds {

	private SeedIds() {
	}

	static UUID of(String... key) {
		return UUID.nameUUIDFromBytes(("sample-seed:" + String.join(":", key)).getBytes(StandardCharsets.UTF_8));
	}

}
