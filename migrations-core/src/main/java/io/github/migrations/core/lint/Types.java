package io.github.migrations.core.lint;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.migrations.core.script.SqlTokens.Kind;
import io.github.migrations.core.script.SqlTokens.Token;
import org.jspecify.annotations.Nullable;

/**
 * What the rules need to know about types and default expressions.
 */
final class Types {

	private static final Set<String> SMALL_KEYS = Set.of("serial", "serial4", "serial2", "smallserial", "bigserial",
			"serial8", "int", "int4", "integer", "smallint", "int2");

	private static final Pattern TIMESTAMP = Pattern.compile("timestamp(\\(\\d+\\))?( without time zone)?");

	private static final Pattern TIMESTAMPTZ = Pattern
		.compile("timestamptz(\\(\\d+\\))?|timestamp(\\(\\d+\\))? with time zone");

	/** The names of the zones with a zero offset all year, without {@code Etc/}. */
	private static final Set<String> UTC = Set.of("utc", "uct", "gmt", "gmt0", "gmt+0", "gmt-0", "greenwich",
			"universal", "zulu");

	private static final Pattern CHAR = Pattern.compile("(char|character|bpchar)(\\(\\d+\\))?");

	private static final Pattern VARCHAR = Pattern.compile("(varchar|character varying)\\((\\d+)\\)");

	private static final Pattern NUMERIC = Pattern.compile("(numeric|decimal)(\\((\\d+)(,(\\d+))?\\))?");

	/**
	 * A type name and its modifiers, then {@code with time zone} or
	 * {@code without time zone}: {@code timestamptz(3)}, {@code time(0) with time zone}.
	 */
	private static final Pattern NAMED = Pattern
		.compile("(?<name>[a-z0-9_ ]+?)\\s*(?<modifiers>\\([0-9, ]+\\))?(?<zone> with(out)? time zone)?");

	/** The names PostgreSQL prints ({@code format_type}) for the aliases of its types. */
	private static final Map<String, String> CANONICAL = Map.ofEntries(Map.entry("int", "integer"),
			Map.entry("int4", "integer"), Map.entry("int2", "smallint"), Map.entry("int8", "bigint"),
			Map.entry("float8", "double precision"), Map.entry("float4", "real"), Map.entry("bool", "boolean"),
			Map.entry("varchar", "character varying"), Map.entry("char", "character"), Map.entry("decimal", "numeric"),
			Map.entry("varbit", "bit varying"), Map.entry("timestamptz", "timestamp"), Map.entry("timetz", "time"));

	/**
	 * Functions that a default may call without making it volatile: stable or immutable
	 * ones. Any other call counts as volatile, as a function is {@code VOLATILE} unless
	 * declared otherwise.
	 */
	private static final Set<String> NON_VOLATILE = Set.of("now", "statement_timestamp", "transaction_timestamp",
			"current_setting", "lower", "upper", "coalesce", "concat", "length", "abs", "round", "make_interval",
			"make_date", "to_timestamp", "to_date", "jsonb_build_object", "json_build_object", "jsonb_build_array",
			"json_build_array", "array", "cast", "nullif", "greatest", "least", "interval", "date", "timestamptz",
			"current_date", "localtimestamp", "current_timestamp");

	private Types() {
	}

	/**
	 * The type a column defined with this type has in the catalog: a {@code serial} is an
	 * {@code integer} with a sequence default, a {@code bigserial} a {@code bigint}, a
	 * {@code smallserial} a {@code smallint}; any other type is itself.
	 */
	static String stored(String type) {
		return switch (type) {
			case "serial", "serial4" -> "integer";
			case "bigserial", "serial8" -> "bigint";
			case "smallserial", "serial2" -> "smallint";
			default -> type;
		};
	}

	/**
	 * A type as PostgreSQL names it ({@code format_type}), so that two spellings of one
	 * type compare equal: {@code int8} is {@code bigint}, {@code varchar(20)}
	 * {@code character varying(20)}, {@code timestamptz}
	 * {@code timestamp with time zone}, {@code decimal(10)} {@code numeric(10,0)},
	 * {@code float} {@code double precision}, {@code char} {@code character(1)}; an array
	 * is the array of its element's name. A type it does not know (a domain, an enum, a
	 * qualified name) is itself.
	 */
	static String canonical(String type) {
		if (type.endsWith("[]")) {
			return canonical(base(type)) + "[]";
		}
		String unqualified = type.startsWith("pg_catalog.") ? type.substring("pg_catalog.".length()) : type;
		Matcher m = NAMED.matcher(unqualified);
		if (!m.matches()) {
			return type;
		}
		String alias = m.group("name");
		String name = CANONICAL.getOrDefault(alias, alias);
		String modifiers = (m.group("modifiers") != null) ? m.group("modifiers").replace(" ", "") : "";
		String zone = (m.group("zone") != null) ? m.group("zone")
				: (alias.equals("timestamptz") || alias.equals("timetz")) ? " with time zone" : "";
		switch (name) {
			case "timestamp", "time" -> {
				return name + modifiers + (zone.isEmpty() ? " without time zone" : zone);
			}
			case "float", "double precision", "real" -> {
				if (!modifiers.isEmpty() && !(name.equals("float") && modifiers.matches("\\(\\d{1,2}\\)"))) {
					return type;
				}
				boolean single = name.equals("real") || (!modifiers.isEmpty()
						&& Integer.parseInt(modifiers.substring(1, modifiers.length() - 1)) <= 24);
				return single ? "real" : "double precision";
			}
			case "numeric" -> {
				return name
						+ (modifiers.isEmpty() || modifiers.contains(",") ? modifiers : modifiers.replace(")", ",0)"));
			}
			case "character", "bit" -> {
				return name + (modifiers.isEmpty() ? "(1)" : modifiers);
			}
			default -> {
				return zone.isEmpty() ? name + modifiers : type;
			}
		}
	}

	private static String base(String type) {
		return type.endsWith("[]") ? type.substring(0, type.length() - 2) : type;
	}

	static boolean isSmallKey(String type) {
		return SMALL_KEYS.contains(base(type));
	}

	static boolean isTimestampWithoutZone(String type) {
		return TIMESTAMP.matcher(base(type)).matches();
	}

	static boolean isChar(String type) {
		return CHAR.matcher(base(type)).matches();
	}

	static boolean isBoundedVarchar(String type) {
		return VARCHAR.matcher(base(type)).matches();
	}

	/**
	 * Whether changing a column from {@code from} to {@code to} keeps its stored values
	 * as they are (no rewrite, no scan): a longer or unbounded {@code varchar},
	 * {@code varchar} to {@code text}, a wider {@code numeric} of the same scale, the
	 * same type (however spelled: {@code int8} and {@code bigint} are one type).
	 */
	static boolean keepsValues(@Nullable String from, String to) {
		return from != null && keepsCanonicalValues(canonical(from), canonical(to));
	}

	private static boolean keepsCanonicalValues(String from, String to) {
		if (from.equals(to)) {
			return true;
		}
		boolean fromVarchar = from.equals("varchar") || from.equals("character varying") || isBoundedVarchar(from);
		if (fromVarchar && (to.equals("text") || to.equals("varchar") || to.equals("character varying"))) {
			return true;
		}
		Matcher f = VARCHAR.matcher(from);
		Matcher t = VARCHAR.matcher(to);
		if (f.matches() && t.matches()) {
			return Integer.parseInt(t.group(2)) >= Integer.parseInt(f.group(2));
		}
		if (from.equals("cidr") && to.equals("inet")) {
			return true;
		}
		f = NUMERIC.matcher(from);
		t = NUMERIC.matcher(to);
		if (f.matches() && t.matches() && f.group(2) != null) {
			if (t.group(2) == null) {
				return true;
			}
			String fromScale = (f.group(5) != null) ? f.group(5) : "0";
			String toScale = (t.group(5) != null) ? t.group(5) : "0";
			return fromScale.equals(toScale) && Integer.parseInt(t.group(3)) >= Integer.parseInt(f.group(3));
		}
		return false;
	}

	/**
	 * Whether a change between {@code timestamp} and {@code timestamptz} keeps the stored
	 * values: it does when the session's time zone is UTC (PostgreSQL 12 and later),
	 * though an index on the column is still rebuilt.
	 */
	static boolean isTimestampZoneChange(@Nullable String from, String to) {
		return from != null && !from.endsWith("[]") && !to.endsWith("[]")
				&& (isTimestampWithoutZone(from) && isTimestampWithZone(to)
						|| isTimestampWithZone(from) && isTimestampWithoutZone(to));
	}

	private static boolean isTimestampWithZone(String type) {
		return TIMESTAMPTZ.matcher(type).matches();
	}

	/**
	 * Whether a time zone, as {@code SET TIME ZONE} or {@code SET timezone} names it, is
	 * UTC: zero offset all year.
	 */
	static boolean isUtc(@Nullable String zone) {
		if (zone == null) {
			return false;
		}
		String name = zone.strip().toLowerCase(Locale.ROOT);
		name = name.startsWith("etc/") ? name.substring("etc/".length()) : name;
		return UTC.contains(name) || name.matches("[+-]?0+(\\.0+)?");
	}

	/**
	 * Whether a default expression calls a volatile function.
	 */
	static boolean isVolatile(@Nullable List<Token> expression) {
		if (expression == null) {
			return false;
		}
		for (int i = 0; i + 1 < expression.size(); i++) {
			Token token = expression.get(i);
			if (token.isSymbol("::")) {
				// a cast: step over the type's words and its modifiers
				while (i + 1 < expression.size() && expression.get(i + 1).kind() == Kind.WORD) {
					i++;
				}
				while (i + 1 < expression.size() && expression.get(i + 1).isSymbol("(")) {
					while (i + 1 < expression.size() && !expression.get(i + 1).isSymbol(")")) {
						i++;
					}
					i++;
				}
			}
			else if (token.kind() == Kind.WORD && expression.get(i + 1).isSymbol("(")
					&& !NON_VOLATILE.contains(token.text())) {
				return true;
			}
		}
		return false;
	}

}
