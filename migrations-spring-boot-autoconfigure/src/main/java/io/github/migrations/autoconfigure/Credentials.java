package io.github.migrations.autoconfigure;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Masks credentials in text shown to people (failure reports, the endpoint, the health
 * details): the user information of URLs and password parameters.
 */
public final class Credentials {

	private static final Pattern USER_INFO = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)[^/@\\s]+@");

	private static final Pattern PASSWORD_PARAMETER = Pattern
		.compile("(?i)\\b(password|passwd|pwd|sslpassword)=[^&;\\s,)]*");

	private static final String MASK = "******";

	private Credentials() {
	}

	/**
	 * The text with URL user information and password parameters replaced by asterisks.
	 */
	public static String mask(String text) {
		String masked = USER_INFO.matcher(text).replaceAll("$1" + MASK + "@");
		return PASSWORD_PARAMETER.matcher(masked).replaceAll("$1=" + MASK);
	}

	/**
	 * As {@link #mask(String)}, keeping {@code null}.
	 */
	public static @Nullable String maskNullable(@Nullable String text) {
		return (text != null) ? mask(text) : null;
	}

}
