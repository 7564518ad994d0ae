package io.github.migrations.schema.scratch;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Names of scratch databases: recognisable ({@code migrations_scratch_}) and unique, so
 * that two runs on one server never meet and a database left by a killed run says what it
 * was.
 */
final class ScratchNames {

	static final String PREFIX = "migrations_scratch_";

	private static final SecureRandom RANDOM = new SecureRandom();

	private ScratchNames() {
	}

	static String next() {
		byte[] bytes = new byte[6];
		RANDOM.nextBytes(bytes);
		return PREFIX + HexFormat.of().formatHex(bytes);
	}

}
