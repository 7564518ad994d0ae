package io.github.migrations.core.api;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Masks passwords in text shown to people: error messages, log lines, failure reports.
 * The engine and every front end use this one function. Host, port, database and user
 * stay visible, so that a message still says where it was going; where the end of a
 * secret is ambiguous, more is masked rather than less. In free text:
 * <ul>
 * <li><b>URLs</b> ({@code scheme://}, any scheme, {@code jdbc:postgresql://} included):
 * the password of the user information, from the first {@code :} to the <em>last</em>
 * {@code @} of the URL, so that it may hold {@code / ? @ : # % ' " \ & =}. A URL ends at
 * a space or, when a quote opens just before it, at the quote that closes it (followed by
 * a space, the end or punctuation and a space; the password may then hold spaces). When
 * its {@code user:} is followed by no port and no {@code @} before that end, the user
 * information goes on: to the last such quote of the line, or, unquoted, to the last
 * {@code @} of the line. The parameters {@code ?password=} and {@code &sslpassword=} are
 * masked up to the next {@code &name=} or the end of the URL.</li>
 * <li><b>Keys</b>: a name ending in {@code password}, {@code passwd} or {@code pwd}
 * ({@code sslpassword}, {@code PGPASSWORD}, {@code spring.datasource.password}), then
 * {@code =}, {@code :} or {@code :=}, or spaces and a SQL literal ({@code PASSWORD 'x'}).
 * A quoted value ends at the same quote followed by a space, one of
 * <code>&amp; ; , ) } ] &gt;</code>, another quote or the end of the line, where a parser
 * of that text ends it ({@code 'Leak'Me'} is one value); when the key starts its line (a
 * configuration file, an environment), at the last such quote of the line. An unquoted
 * value runs to the end of the line when the key starts the line; when a quote opens just
 * before the key ({@code 'password=Leak Me'}), to where that quote closes, as above; else
 * to the next space ({@code password=Leak'Me} is one value, and a quote that ends it
 * stays visible as the end of quoted text around it).</li>
 * <li><b>{@code user:password@host}</b> without a scheme, as a driver names the host it
 * tried: the password up to the last {@code @} of the word.</li>
 * </ul>
 * Not recognised: a password alone, with no key or URL around it, or one that goes on
 * after a line break.
 */
public final class Secrets {

	/**
	 * What a secret is replaced with.
	 */
	public static final String MASK = "***";

	/**
	 * A URL's scheme, {@code jdbc:postgresql://} as one.
	 */
	private static final Pattern SCHEME = Pattern
		.compile("(?<![A-Za-z0-9+.-])[A-Za-z][A-Za-z0-9+.-]*(?::[A-Za-z][A-Za-z0-9+.-]*)*://");

	/**
	 * A name ending in password, passwd or pwd, then its separator: {@code =}, {@code :},
	 * {@code :=} (spaces around allowed; a JSON key's closing quote before it), or spaces
	 * before a single-quoted SQL literal.
	 */
	private static final Pattern KEY = Pattern.compile("(?i)(?<![A-Za-z0-9_.-])[A-Za-z0-9_.-]*?(?:password|passwd|pwd)"
			+ "(?![A-Za-z0-9_.-])[\"']?(?:[ \\t]*(?::=|=|:)[ \\t]*|[ \\t]+(?='))");

	/**
	 * The next parameter of a URL's query: {@code &name=}.
	 */
	private static final Pattern NEXT_PARAMETER = Pattern.compile("&[A-Za-z_][A-Za-z0-9_.-]*=");

	/**
	 * A word {@code user:password@host} without a scheme (after an opening quote or
	 * bracket); the password up to the last {@code @} followed by a host.
	 */
	private static final Pattern BARE_USER_INFO = Pattern.compile("^[\"'(<\\[{]*[A-Za-z0-9._%+-]+:(.+)@[A-Za-z0-9\\[]");

	private Secrets() {
	}

	/**
	 * The text with every password it holds replaced by {@value #MASK}.
	 * @param text any text: a message, a URL, a configuration line
	 * @return the text, masked
	 */
	public static String mask(String text) {
		if (text.isEmpty()) {
			return text;
		}
		return maskBareUserInfo(maskKeys(maskUrls(text)));
	}

	/**
	 * As {@link #mask(String)}, keeping {@code null}.
	 * @param text any text, or {@code null}
	 * @return the text, masked, or {@code null}
	 */
	public static @Nullable String maskNullable(@Nullable String text) {
		return (text != null) ? mask(text) : null;
	}

	private static String maskUrls(String text) {
		if (!text.contains("://")) {
			return text;
		}
		Matcher scheme = SCHEME.matcher(text);
		StringBuilder masked = new StringBuilder(text.length());
		int copied = 0;
		int from = 0;
		while (from < text.length() && scheme.find(from)) {
			int start = scheme.start();
			int authority = scheme.end();
			int lineEnd = lineEnd(text, authority);
			Matcher next = SCHEME.matcher(text).region(authority, lineEnd);
			int limit = next.find() ? next.start() : lineEnd;
			char quote = (start > 0) ? text.charAt(start - 1) : 0;
			int close = isQuote(quote) ? closingUrlQuote(text, quote, authority, limit) : -1;
			int last = isQuote(quote) ? text.lastIndexOf(quote, limit - 1) : -1;
			boolean quoted = true;
			int end;
			if (close >= 0 && !goesOn(text, authority, close)) {
				end = close;
			}
			else if (last >= authority) {
				end = last;
			}
			else {
				quoted = false;
				end = urlEnd(text, authority, limit);
			}
			masked.append(text, copied, authority);
			masked.append(maskUserInfo(maskParameters(text.substring(authority, end), quoted)));
			copied = end;
			from = Math.max(end, authority);
		}
		if (copied == 0) {
			return text;
		}
		return masked.append(text, copied, text.length()).toString();
	}

	/**
	 * Where an unquoted URL ends: at the first space, unless its user information goes on
	 * after it (a password with a space in it), when it reaches to the word of the line's
	 * last {@code @}.
	 */
	private static int urlEnd(String text, int authority, int limit) {
		int space = authority;
		while (space < limit && !Character.isWhitespace(text.charAt(space))) {
			space++;
		}
		int lastAt = text.lastIndexOf('@', limit - 1);
		if (space == limit || !goesOn(text, authority, space) || lastAt < space) {
			return space;
		}
		int end = lastAt;
		while (end < limit && !Character.isWhitespace(text.charAt(end))) {
			end++;
		}
		return end;
	}

	/**
	 * Where a quoted URL's quote closes: the first such quote followed by the end, a
	 * space, another quote, or punctuation and then the end or a space; -1 when none
	 * does.
	 */
	private static int closingUrlQuote(String text, char quote, int from, int limit) {
		for (int i = from; i < limit; i++) {
			if (text.charAt(i) != quote) {
				continue;
			}
			if (i + 1 == text.length() || Character.isWhitespace(text.charAt(i + 1))
					|| (isQuote(text.charAt(i + 1)) && text.charAt(i + 1) != quote)) {
				return i;
			}
			if (".,;:!?)]}>".indexOf(text.charAt(i + 1)) >= 0
					&& (i + 2 == text.length() || Character.isWhitespace(text.charAt(i + 2)))) {
				return i;
			}
		}
		return -1;
	}

	/**
	 * Whether the user information of a URL that would end at {@code end} goes on after
	 * it: no {@code @} before {@code end}, but a {@code user:} followed by something
	 * other than a port.
	 */
	private static boolean goesOn(String text, int authority, int end) {
		if (authority >= end || indexOf(text, '@', authority, end) >= 0 || text.charAt(authority) == '[') {
			return false;
		}
		int colon = indexOf(text, ':', authority, end);
		return colon >= 0 && !hasWhitespace(text, authority, colon) && !isPort(text, colon + 1, end);
	}

	/**
	 * Masks the password parameters of a URL's text (after its {@code ://}): each value
	 * runs to the next {@code &name=}, the end of the URL, or, unless the URL is quoted,
	 * a space.
	 */
	private static String maskParameters(String url, boolean quoted) {
		Matcher key = KEY.matcher(url);
		StringBuilder masked = new StringBuilder(url.length());
		int copied = 0;
		int from = 0;
		while (from < url.length() && key.find(from)) {
			boolean parameter = key.start() > 0
					&& (url.charAt(key.start() - 1) == '?' || url.charAt(key.start() - 1) == '&')
					&& url.charAt(key.end() - 1) == '=';
			if (!parameter) {
				from = key.end();
				continue;
			}
			int end = key.end();
			Matcher next = NEXT_PARAMETER.matcher(url).region(end, url.length());
			int limit = next.find() ? next.start() : url.length();
			while (end < limit && (quoted || !Character.isWhitespace(url.charAt(end)))) {
				end++;
			}
			if (end > key.end()) {
				masked.append(url, copied, key.end()).append(MASK);
				copied = end;
			}
			from = end;
		}
		return (copied == 0) ? url : masked.append(url, copied, url.length()).toString();
	}

	/**
	 * Masks the password of a URL's user information, from the first {@code :} to the
	 * last {@code @}. A candidate with spaces in it whose {@code :} is followed by a port
	 * is a host and port, not a user and password; so is an IPv6 address in brackets.
	 */
	private static String maskUserInfo(String url) {
		int at = url.lastIndexOf('@');
		if (at < 0 || url.startsWith("[")) {
			return url;
		}
		int colon = url.indexOf(':');
		if (colon < 0 || colon > at || colon + 1 == at || hasWhitespace(url, 0, colon)) {
			return url;
		}
		if (hasWhitespace(url, colon, at) && isPort(url, colon + 1, at)) {
			return url;
		}
		return url.substring(0, colon + 1) + MASK + url.substring(at);
	}

	private static String maskKeys(String text) {
		Matcher key = KEY.matcher(text);
		StringBuilder masked = new StringBuilder(text.length());
		int copied = 0;
		int from = 0;
		while (from < text.length() && key.find(from)) {
			int start = key.end();
			int lineEnd = lineEnd(text, start);
			if (start == lineEnd) {
				from = start;
				continue;
			}
			int lineStart = lineStart(text, key.start());
			boolean wholeLine = text.substring(lineStart, key.start()).matches("[ \\t]*(?:export[ \\t]+)?");
			boolean parameter = key.start() > 0
					&& (text.charAt(key.start() - 1) == '?' || text.charAt(key.start() - 1) == '&');
			char first = text.charAt(start);
			String replacement;
			int end;
			if (isQuote(first)) {
				int last = text.lastIndexOf(first, lineEnd - 1);
				int close = wholeLine ? ((last > start) ? last : -1) : closingQuote(text, first, start + 1, lineEnd);
				end = (close >= 0) ? close + 1 : lineEnd;
				replacement = first + MASK + first;
			}
			else {
				end = unquotedEnd(text, start, lineEnd, wholeLine, parameter);
				// quoted text that opens just before the key: 'password=Leak Me'
				char before = (key.start() > 0) ? text.charAt(key.start() - 1) : 0;
				int close = (isQuote(before) && key.group().indexOf(before) < 0)
						? closingQuote(text, before, start, lineEnd) : -1;
				end = Math.max(end, close);
				replacement = MASK;
			}
			if (end > start) {
				masked.append(text, copied, start).append(replacement);
				copied = end;
			}
			from = Math.max(end, start);
		}
		return (copied == 0) ? text : masked.append(text, copied, text.length()).toString();
	}

	/**
	 * The index of the first {@code quote} from {@code from} that ends a value: not
	 * escaped, and followed by the end of the line or a character that ends a value; -1
	 * when none does.
	 */
	private static int closingQuote(String text, char quote, int from, int lineEnd) {
		for (int i = from; i < lineEnd; i++) {
			if (text.charAt(i) == quote && (i == 0 || text.charAt(i - 1) != '\\')
					&& (i + 1 == lineEnd || endsValue(text.charAt(i + 1), quote))) {
				return i;
			}
		}
		return -1;
	}

	private static boolean endsValue(char next, char quote) {
		return Character.isWhitespace(next) || "&;,)}]>".indexOf(next) >= 0 || (isQuote(next) && next != quote);
	}

	/**
	 * Where an unquoted value ends: the end of the line when the key starts it, else the
	 * next space (or the next {@code &name=} of a URL's query), less a quote that ends
	 * the value, which closes quoted text around it.
	 */
	private static int unquotedEnd(String text, int start, int lineEnd, boolean wholeLine, boolean parameter) {
		if (wholeLine) {
			int end = lineEnd;
			while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
				end--;
			}
			return end;
		}
		int limit = lineEnd;
		if (parameter) {
			Matcher next = NEXT_PARAMETER.matcher(text).region(start, lineEnd);
			limit = next.find() ? next.start() : lineEnd;
		}
		int end = start;
		while (end < limit && !Character.isWhitespace(text.charAt(end))) {
			end++;
		}
		if (end - start > 1 && isQuote(text.charAt(end - 1))) {
			end--;
		}
		return end;
	}

	private static String maskBareUserInfo(String text) {
		int nextAt = text.indexOf('@');
		if (nextAt < 0) {
			return text;
		}
		StringBuilder masked = new StringBuilder(text.length());
		int copied = 0;
		int i = 0;
		while (i < text.length() && nextAt >= 0) {
			if (Character.isWhitespace(text.charAt(i))) {
				i++;
				continue;
			}
			int start = i;
			while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
				i++;
			}
			if (nextAt < start) {
				nextAt = text.indexOf('@', start);
			}
			if (nextAt < 0 || nextAt >= i) {
				continue;
			}
			String word = text.substring(start, i);
			Matcher userInfo = BARE_USER_INFO.matcher(word);
			if (!word.contains("://") && userInfo.find() && !userInfo.group(1).equals(MASK)) {
				masked.append(text, copied, start + userInfo.start(1)).append(MASK);
				copied = start + userInfo.end(1);
			}
		}
		return (copied == 0) ? text : masked.append(text, copied, text.length()).toString();
	}

	/**
	 * Whether the text from {@code from} starts with a port: digits, then the end, a
	 * path, a query, a fragment, another host or punctuation.
	 */
	private static boolean isPort(String text, int from, int end) {
		int i = from;
		while (i < end && Character.isDigit(text.charAt(i))) {
			i++;
		}
		return i > from
				&& (i == end || "/?#,;)]}.'\"".indexOf(text.charAt(i)) >= 0 || Character.isWhitespace(text.charAt(i)));
	}

	private static boolean isQuote(char character) {
		return character == '\'' || character == '"' || character == '`';
	}

	private static boolean hasWhitespace(String text, int from, int end) {
		for (int i = from; i < end; i++) {
			if (Character.isWhitespace(text.charAt(i))) {
				return true;
			}
		}
		return false;
	}

	private static int indexOf(String text, char character, int from, int end) {
		int index = text.indexOf(character, from);
		return (index >= 0 && index < end) ? index : -1;
	}

	private static int lineStart(String text, int index) {
		int start = index;
		while (start > 0 && text.charAt(start - 1) != '\n' && text.charAt(start - 1) != '\r') {
			start--;
		}
		return start;
	}

	private static int lineEnd(String text, int index) {
		int end = index;
		while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
			end++;
		}
		return end;
	}

}
