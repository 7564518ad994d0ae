package io.github.migrations.sample.database;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.migrations.core.api.Secrets;
import org.jspecify.annotations.Nullable;

/**
 * A database location as JDBC wants it: a {@code jdbc:postgresql:} URL, with the
 * credentials taken out of it.
 * <p>
 * Reads both the JDBC form and the form that libpq, psycopg, SQLAlchemy and the seeds'
 * {@code DATABASE_URL} use, {@code postgresql://user:password@host:port/database?options}
 * (also {@code postgres://} and SQLAlchemy's {@code postgresql+driver://}).
 * Percent-encoded credentials are decoded, as libpq does; a password's {@code @},
 * {@code /} and {@code :} are also read as they are, but a {@code ?} or {@code #} in it
 * must be encoded.
 *
 * @param jdbcUrl the JDBC URL, without credentials when they came from the URL's user
 * info
 * @param username the user name from the URL, or {@code null}
 * @param password the password from the URL, or {@code null}
 */
record DatabaseUrl(String jdbcUrl, @Nullable String username, @Nullable String password) {

	private static final Pattern LIBPQ = Pattern.compile("(?i)(postgres|postgresql)(\\+[a-z0-9_]+)?://(.*)");

	static DatabaseUrl parse(String url) {
		String trimmed = url.strip();
		if (trimmed.startsWith("jdbc:postgresql:")) {
			return new DatabaseUrl(trimmed, null, null);
		}
		Matcher libpq = LIBPQ.matcher(trimmed);
		if (!libpq.matches()) {
			throw new IllegalArgumentException(("'%s' is not a PostgreSQL URL. Write it as "
					+ "'postgresql://user:password@host:5432/database' or 'jdbc:postgresql://host:5432/database'.")
				.formatted(redact(trimmed)));
		}
		String rest = libpq.group(3);
		int query = rest.indexOf('?');
		int at = rest.lastIndexOf('@', ((query >= 0) ? query : rest.length()) - 1);
		int end = at + 1 + firstOf(rest.substring(at + 1), '/', '?');
		String hosts = rest.substring(at + 1, end);
		String pathAndQuery = rest.substring(end);
		String jdbcUrl = "jdbc:postgresql://" + (hosts.isEmpty() ? "localhost" : hosts)
				+ (pathAndQuery.startsWith("/") ? pathAndQuery : "/" + pathAndQuery);
		if (at < 0) {
			return new DatabaseUrl(jdbcUrl, null, null);
		}
		String userInfo = rest.substring(0, at);
		int colon = userInfo.indexOf(':');
		String username = decode((colon < 0) ? userInfo : userInfo.substring(0, colon));
		String password = (colon < 0) ? null : decode(userInfo.substring(colon + 1));
		return new DatabaseUrl(jdbcUrl, username.isEmpty() ? null : username, password);
	}

	private static int firstOf(String text, char... characters) {
		int first = text.length();
		for (char character : characters) {
			int index = text.indexOf(character);
			if (index >= 0 && index < first) {
				first = index;
			}
		}
		return first;
	}

	/**
	 * Decodes {@code %XX} escapes as UTF-8; unlike form decoding, {@code +} stays a plus
	 * sign.
	 */
	private static String decode(String text) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		for (int i = 0; i < text.length(); i++) {
			char character = text.charAt(i);
			if (character == '%' && i + 2 < text.length() && isHex(text.charAt(i + 1)) && isHex(text.charAt(i + 2))) {
				bytes.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
				i += 2;
			}
			else {
				bytes.writeBytes(String.valueOf(character).getBytes(StandardCharsets.UTF_8));
			}
		}
		return bytes.toString(StandardCharsets.UTF_8);
	}

	private static boolean isHex(char character) {
		return Character.digit(character, 16) >= 0;
	}

	/**
	 * A URL with any password in it masked, for messages and logs, by the engine's one
	 * masking function.
	 */
	static String redact(String url) {
		return Secrets.mask(url);
	}

	/**
	 * Where the database is, for logs: the URL without any password, and the user.
	 */
	String describe() {
		String user = (this.username != null) ? " as user '" + this.username + "'" : "";
		return redact(this.jdbcUrl) + user;
	}

	@Override
	public String toString() {
		return "DatabaseUrl[jdbcUrl=%s, username=%s, password=%s]".formatted(redact(this.jdbcUrl), this.username,
				(this.password != null) ? "******" : null);
	}

}
