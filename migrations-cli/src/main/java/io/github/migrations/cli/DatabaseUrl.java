package io.github.migrations.cli;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.migrations.core.api.Secrets;
import org.jspecify.annotations.Nullable;

/**
 * A database URL as users write it: JDBC's {@code jdbc:postgresql://host:port/db} or the
 * {@code postgresql://user:password@host:port/db} form of libpq, Alembic and the seeds'
 * {@code DATABASE_URL} (also {@code postgres://} and SQLAlchemy's
 * {@code postgresql+driver://}). Credentials found in the URL are taken out of it, so the
 * driver never sees them.
 * <p>
 * The user information ends at the last {@code @} before the first {@code /}, {@code ?}
 * or {@code #}, so a password may hold {@code @} and {@code :} as they are; a {@code /},
 * {@code ?} or {@code #} in it must be percent-encoded, as in libpq. A URL with an
 * {@code @} after that, outside a query parameter's value (where such a password leaves
 * one), is refused here rather than handed to the driver, which would read a piece of the
 * password as a host, a port or a database and print it in its warnings.
 *
 * @param jdbcUrl the JDBC URL without credentials
 * @param username the user from the URL, or {@code null}
 * @param password the password from the URL, or {@code null}
 */
record DatabaseUrl(String jdbcUrl, @Nullable String username, @Nullable String password) {

	private static final String JDBC = "jdbc:postgresql:";

	private static final Pattern LIBPQ = Pattern.compile("(?i)(?:postgres|postgresql)(?:\\+[a-z0-9_]+)?://(.*)",
			Pattern.DOTALL);

	/**
	 * One host of a host list: a name, an address or an IPv6 address in brackets (or
	 * nothing: the default), then an optional port.
	 */
	private static final Pattern HOST = Pattern
		.compile("(?:\\[[0-9A-Za-z:.%]+\\]|[^\\[\\]:,/?#@\\s]*)(?::(\\d{1,5}))?");

	private static final String PERCENT_ENCODE = "Percent-encode '/' as %2F, '?' as %3F, '#' as %23 and '@' as %40 "
			+ "in the user and password (a password 'pa/ss' is written 'pa%2Fss').";

	static DatabaseUrl parse(String url) {
		String text = url.strip();
		if (text.startsWith(JDBC)) {
			if (text.startsWith(JDBC + "//")) {
				refuseCredentials(text, text.substring(JDBC.length() + 2));
			}
			return new DatabaseUrl(text, null, null);
		}
		Matcher libpq = LIBPQ.matcher(text);
		if (!libpq.matches()) {
			throw new CliException("'%s' is not a PostgreSQL URL.".formatted(Secrets.mask(text)),
					"Use 'jdbc:postgresql://host:5432/db' or 'postgresql://user:password@host:5432/db'.");
		}
		String rest = libpq.group(1);
		int end = authorityEnd(rest);
		int at = rest.lastIndexOf('@', end - 1);
		String hosts = rest.substring(at + 1, end);
		String tail = rest.substring(end);
		if (strayAt(tail)) {
			throw new CliException(("'%s' is not a valid PostgreSQL URL: it has an '@' after its host outside a "
					+ "parameter's value, as a user or password holding '/', '?' or '#' leaves there.")
				.formatted(Secrets.mask(text)), PERCENT_ENCODE);
		}
		int fragment = tail.indexOf('#');
		tail = (fragment >= 0) ? tail.substring(0, fragment) : tail;
		int question = tail.indexOf('?');
		String path = (question >= 0) ? tail.substring(0, question) : tail;
		List<String> parameters = new ArrayList<>();
		String hostParameter = null;
		String portParameter = null;
		for (String parameter : (question >= 0) ? tail.substring(question + 1).split("&") : new String[0]) {
			int equals = parameter.indexOf('=');
			String key = (equals >= 0) ? parameter.substring(0, equals) : parameter;
			String value = (equals >= 0) ? decode(parameter.substring(equals + 1)) : "";
			// libpq's parameters that PgJDBC does not take in a query: they name the
			// host, the port and the database
			switch (key) {
				case "host" -> hostParameter = value;
				case "port" -> portParameter = value;
				case "dbname" -> path = "/" + value;
				default -> {
					if (!parameter.isEmpty()) {
						parameters.add(parameter);
					}
				}
			}
		}
		refuseSocket(text, decode(hosts));
		if (hostParameter != null) {
			refuseSocket(text, hostParameter);
			hosts = hostParameter;
		}
		if (portParameter != null) {
			String port = portParameter;
			hosts = String.join(",",
					Arrays.stream((hosts.isEmpty() ? "localhost" : hosts).split(","))
						.map((host) -> hasPort(host) ? host : host + ":" + port)
						.toList());
		}
		if (!validHosts(hosts)) {
			throw new CliException(
					"'%s' is not a valid PostgreSQL URL: a host or port is not valid.".formatted(Secrets.mask(text)),
					"Write it as 'postgresql://user:password@host:5432/db' (a port is a number from 1 to 65535; "
							+ "several hosts as 'host1:5432,host2:5432').");
		}
		String jdbcUrl = "jdbc:postgresql://" + (hosts.isEmpty() ? "localhost" : hosts)
				+ (path.startsWith("/") ? path : "/" + path)
				+ (parameters.isEmpty() ? "" : "?" + String.join("&", parameters));
		if (at < 0) {
			return new DatabaseUrl(jdbcUrl, null, null);
		}
		String userInfo = rest.substring(0, at);
		int colon = userInfo.indexOf(':');
		String username = decode((colon < 0) ? userInfo : userInfo.substring(0, colon));
		String password = (colon < 0) ? null : decode(userInfo.substring(colon + 1));
		return new DatabaseUrl(jdbcUrl, username.isEmpty() ? null : username, password);
	}

	/**
	 * A host that is a directory (libpq's Unix-domain socket, as in
	 * {@code postgresql:///db?host=/var/run/postgresql}): PgJDBC would read it as a host
	 * name and fail with the whole URL and every driver property in its message.
	 */
	private static void refuseSocket(String text, String hosts) {
		for (String host : hosts.split(",")) {
			if (host.startsWith("/")) {
				throw new CliException(
						("'%s' names the Unix-domain socket directory '%s' as its host, and the "
								+ "PostgreSQL JDBC driver connects over TCP only.")
							.formatted(Secrets.mask(text), host),
						"Give the server's TCP host and port instead, for example "
								+ "'postgresql://user@localhost:5432/db' (the server must listen on TCP: "
								+ "listen_addresses).");
			}
		}
	}

	/**
	 * PgJDBC takes no user information: it would read {@code user:password@host} as a
	 * host and a port, and print them. A JDBC URL with an {@code @} before its path, or
	 * one in its path or outside a parameter's value, is refused before it gets there.
	 */
	private static void refuseCredentials(String text, String rest) {
		int end = authorityEnd(rest);
		if (rest.lastIndexOf('@', end - 1) >= 0 || strayAt(rest.substring(end))) {
			throw new CliException(
					("'%s' is not a valid PostgreSQL JDBC URL: it has an '@' before its path or outside "
							+ "a parameter's value, as a user and password leave there; a JDBC URL takes neither.")
						.formatted(Secrets.mask(text)),
					"Pass them with --username and --password (or DATABASE_USERNAME and DATABASE_PASSWORD), or write "
							+ "'postgresql://user:password@host:5432/db'. " + PERCENT_ENCODE);
		}
	}

	/**
	 * Whether the part after the hosts has an {@code @} that is not in a query
	 * parameter's value: in the path, the fragment, or a parameter's name. A password
	 * holding {@code /}, {@code ?} or {@code #} leaves one there.
	 */
	private static boolean strayAt(String tail) {
		int fragment = tail.indexOf('#');
		int query = tail.indexOf('?');
		if (query < 0 || (fragment >= 0 && fragment < query)) {
			return tail.indexOf('@') >= 0;
		}
		if (tail.substring(0, query).indexOf('@') >= 0
				|| (fragment >= 0 && tail.substring(fragment).indexOf('@') >= 0)) {
			return true;
		}
		for (String parameter : tail.substring(query + 1, (fragment >= 0) ? fragment : tail.length()).split("&")) {
			int at = parameter.indexOf('@');
			int equals = parameter.indexOf('=');
			if (at >= 0 && (equals < 0 || at < equals)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Where the hosts end: at the first {@code /}, {@code ?} or {@code #}.
	 */
	private static int authorityEnd(String rest) {
		for (int i = 0; i < rest.length(); i++) {
			char character = rest.charAt(i);
			if (character == '/' || character == '?' || character == '#') {
				return i;
			}
		}
		return rest.length();
	}

	private static boolean hasPort(String host) {
		Matcher matcher = HOST.matcher(host);
		return matcher.matches() && matcher.group(1) != null;
	}

	private static boolean validHosts(String hosts) {
		for (String host : hosts.split(",", -1)) {
			Matcher matcher = HOST.matcher(host);
			if (!matcher.matches()) {
				return false;
			}
			if (matcher.group(1) != null) {
				int port = Integer.parseInt(matcher.group(1));
				if (port < 1 || port > 65535) {
					return false;
				}
			}
		}
		return true;
	}

	/**
	 * Decodes {@code %XX} escapes as UTF-8, as libpq does; unlike form decoding, a
	 * {@code +} stays a plus sign (base64 passwords hold them), and a {@code %} that does
	 * not start an escape stays as it is.
	 */
	private static String decode(String text) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		int i = 0;
		while (i < text.length()) {
			if (text.charAt(i) == '%' && i + 2 < text.length() && hex(text.charAt(i + 1)) >= 0
					&& hex(text.charAt(i + 2)) >= 0) {
				bytes.write(hex(text.charAt(i + 1)) * 16 + hex(text.charAt(i + 2)));
				i += 3;
			}
			else {
				int codePoint = text.codePointAt(i);
				bytes.writeBytes(Character.toString(codePoint).getBytes(StandardCharsets.UTF_8));
				i += Character.charCount(codePoint);
			}
		}
		return bytes.toString(StandardCharsets.UTF_8);
	}

	private static int hex(char character) {
		return Character.digit(character, 16);
	}

}
