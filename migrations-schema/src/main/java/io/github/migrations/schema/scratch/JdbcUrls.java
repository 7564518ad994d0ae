package io.github.migrations.schema.scratch;

/**
 * PostgreSQL JDBC URLs with another database: the one of a scratch database on the same
 * server as a configured URL.
 */
public final class JdbcUrls {

	private static final String PREFIX = "jdbc:postgresql:";

	private JdbcUrls() {
	}

	/**
	 * The URL with {@code database} in place of its database, hosts and parameters kept:
	 * {@code jdbc:postgresql://host:5432/app?ssl=true} becomes
	 * {@code jdbc:postgresql://host:5432/<database>?ssl=true}.
	 */
	public static String withDatabase(String url, String database) {
		int query = url.indexOf('?');
		String base = (query >= 0) ? url.substring(0, query) : url;
		String parameters = (query >= 0) ? url.substring(query) : "";
		if (!base.startsWith(PREFIX + "//")) {
			return PREFIX + database + parameters;
		}
		int slash = base.indexOf('/', PREFIX.length() + 2);
		return ((slash >= 0) ? base.substring(0, slash) : base) + "/" + database + parameters;
	}

}
