package io.github.migrations.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A database URL as users write it: JDBC's {@code jdbc:postgresql://host:port/db} or the
 * {@code postgresql://user:password@host:port/db} form of libpq, Alembic and the seeds'
 * {@code DATABASE_URL}. Credentials found in the URL are taken out of it, so the URL can
 * be shown.
 *
 * @param jdbcUrl the JDBC URL without credentials
 * @param username the user from the URL, or {@code null}
 * @param password the password from the URL, or {@code null}
 */
record DatabaseUrl(String jdbcUrl, @Nullable String username, @Nullable String password) {

	/**
	 * A user or password parameter, up to the next parameter or the end of the URL (a
	 * quote or a space ends a URL quoted in a message).
	 */
	private static final Pattern CREDENTIAL_PARAMETER = Pattern.compile("([?&])(password|user)=[^&\\s'\"]*");

	static DatabaseUrl parse(String url) {
		String text = url.strip();
		if (text.startsWith("jdbc:postgresql:")) {
			return new DatabaseUrl(text, null, null);
		}
		if (!text.startsWith("postgresql://") && !text.startsWith("postgres://")
				&& !text.startsWith("postgresql+psycopg2://") && !text.startsWith("postgresql+asyncpg://")) {
			throw new CliException("'%s' is not a PostgreSQL URL.".formatted(masked(text)),
					"Use 'jdbc:postgresql://host:5432/db' or 'postgresql://user:password@host:5432/db'.");
		}
		try {
			URI uri = new URI("postgresql" + text.substring(text.indexOf("://")));
			String user = null;
			String password = null;
			if (uri.getRawUserInfo() != null) {
				String[] parts = uri.getRawUserInfo().split(":", 2);
				user = decode(parts[0]);
				password = (parts.length > 1) ? decode(parts[1]) : null;
			}
			String host = (uri.getHost() != null) ? uri.getHost() : "localhost";
			String port = (uri.getPort() > 0) ? ":" + uri.getPort() : "";
			String path = (uri.getRawPath() != null) ? uri.getRawPath() : "/";
			String query = (uri.getRawQuery() != null) ? "?" + uri.getRawQuery() : "";
			return new DatabaseUrl("jdbc:postgresql://" + host + port + path + query, user, password);
		}
		catch (URISyntaxException ex) {
			throw new CliException("'%s' is not a valid URL: %s.".formatted(masked(text), ex.getReason()),
					"Write it as 'postgresql://user:password@host:5432/db' (percent-encode special characters).");
		}
	}

	private static String decode(String value) {
		return URLDecoder.decode(value, StandardCharsets.UTF_8);
	}

	/**
	 * The URL with any password replaced by {@code ***}, safe to print.
	 */
	static String masked(String url) {
		String withoutUserInfo = url.replaceAll("://([^:/@]+):[^@/]*@", "://$1:***@");
		return CREDENTIAL_PARAMETER.matcher(withoutUserInfo).replaceAll("$1$2=***");
	}

}
