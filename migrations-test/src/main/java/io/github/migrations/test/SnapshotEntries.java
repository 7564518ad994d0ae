package io.github.migrations.test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import io.github.migrations.schema.CompositeType;
import io.github.migrations.schema.Constraint;
import io.github.migrations.schema.DatabaseSchema;
import io.github.migrations.schema.Domain;
import io.github.migrations.schema.EnumType;
import io.github.migrations.schema.Extension;
import io.github.migrations.schema.Function;
import io.github.migrations.schema.Index;
import io.github.migrations.schema.Policy;
import io.github.migrations.schema.Schema;
import io.github.migrations.schema.SchemaObject;
import io.github.migrations.schema.Sequence;
import io.github.migrations.schema.Table;
import io.github.migrations.schema.TextSearchConfiguration;
import io.github.migrations.schema.TextSearchDictionary;
import io.github.migrations.schema.Trigger;
import io.github.migrations.schema.View;
import org.jspecify.annotations.Nullable;

/**
 * Turns the schema differ's model into a {@link SchemaSnapshot}'s entries: one line of
 * text per object (and per column and comment), keyed by kind and qualified name.
 */
final class SnapshotEntries {

	private SnapshotEntries() {
	}

	/**
	 * The entries of a schema; with {@code oneSchema}, named and defined without that
	 * schema's name.
	 */
	static Map<String, String> of(DatabaseSchema schema, @Nullable String oneSchema) {
		Map<String, String> entries = new TreeMap<>();
		for (SchemaObject object : schema.objects().values()) {
			if (object instanceof Schema && oneSchema != null) {
				continue;
			}
			add(entries, object);
			if (object.comment() != null) {
				entries.put("comment on " + name(object), object.comment());
			}
		}
		entries.putAll(schema.unsupported());
		if (oneSchema == null) {
			return entries;
		}
		Pattern qualifier = Pattern.compile("(?<![A-Za-z0-9_$\"])" + Pattern.quote(oneSchema) + "\\.");
		Map<String, String> unqualified = new TreeMap<>();
		entries.forEach((name, definition) -> unqualified.put(qualifier.matcher(name).replaceFirst(""),
				qualifier.matcher(definition).replaceAll("")));
		return unqualified;
	}

	private static String name(SchemaObject object) {
		return (object instanceof View view && view.materialized()) ? "materialized " + object.key() : object.key();
	}

	private static void add(Map<String, String> entries, SchemaObject object) {
		String name = name(object);
		if (object instanceof Schema) {
			entries.put(name, "schema");
		}
		else if (object instanceof Extension x) {
			entries.put(name, "version " + x.version() + " in " + x.schema());
		}
		else if (object instanceof EnumType e) {
			List<String> labels = e.labels().stream().map((label) -> "'" + label.replace("'", "''") + "'").toList();
			entries.put(name, "enum (" + String.join(", ", labels) + ")");
		}
		else if (object instanceof Domain d) {
			entries.put(name,
					"domain " + d.baseType() + ((d.collation() != null) ? " COLLATE " + d.collation() : "")
							+ (d.notNull() ? " NOT NULL" : "")
							+ ((d.defaultValue() != null) ? " DEFAULT " + d.defaultValue() : "")
							+ d.checks()
								.stream()
								.map((c) -> " CONSTRAINT " + c.name() + " " + c.definition())
								.reduce("", String::concat));
		}
		else if (object instanceof CompositeType c) {
			List<String> attributes = new ArrayList<>();
			c.attributes()
				.forEach((a) -> attributes
					.add(a.name() + " " + a.type() + ((a.collation() != null) ? " COLLATE " + a.collation() : "")));
			entries.put(name, "composite (" + String.join(", ", attributes) + ")");
		}
		else if (object instanceof Sequence s) {
			entries.put(name,
					"%s increment %d start %d".formatted(s.type(), s.increment(), s.start())
							+ bounds(s.type(), s.increment(), s.minValue(), s.maxValue(), s.cache(), s.cycle())
							+ ((s.ownedBy() != null) ? " owned by " + s.ownedBy() : ""));
		}
		else if (object instanceof Table t) {
			entries.put(name, table(t));
			for (Table.Column column : t.columns()) {
				String columnName = "column " + t.name() + "." + column.name();
				entries.put(columnName, column(column));
				if (column.comment() != null) {
					entries.put("comment on " + columnName, column.comment());
				}
			}
		}
		else if (object instanceof Constraint c) {
			entries.put(name, c.definition());
		}
		else if (object instanceof Index i) {
			entries.put(name, i.definition());
		}
		else if (object instanceof View v) {
			entries.put(name,
					v.query() + (v.options().isEmpty() ? "" : " WITH (" + String.join(", ", v.options()) + ")"));
		}
		else if (object instanceof Function f) {
			entries.put(name, f.definition());
		}
		else if (object instanceof Trigger t) {
			entries.put(name, t.definition());
		}
		else if (object instanceof Policy p) {
			entries.put(name,
					(p.permissive() ? "permissive " : "restrictive ") + p.command() + " to "
							+ String.join(", ", p.roles()) + ((p.using() != null) ? " using (" + p.using() + ")" : "")
							+ ((p.check() != null) ? " with check (" + p.check() + ")" : ""));
		}
		else if (object instanceof TextSearchConfiguration c) {
			entries.put(name, c.definition());
		}
		else if (object instanceof TextSearchDictionary d) {
			entries.put(name, "template " + d.template()
					+ (d.options().isEmpty() ? "" : " (" + String.join(", ", d.options()) + ")"));
		}
	}

	private static String table(Table t) {
		String kind = (t.partitionKey() != null) ? "partitioned table" : "table";
		StringBuilder text = new StringBuilder(kind);
		if (t.unlogged()) {
			text.append(" (unlogged)");
		}
		if (t.partitionKey() != null) {
			text.append(" by ").append(t.partitionKey());
		}
		if (t.partitionOf() != null) {
			text.append(" partition of ").append(t.partitionOf()).append(' ').append(t.partitionBound());
		}
		if (!t.options().isEmpty()) {
			text.append(" with (").append(String.join(", ", t.options())).append(')');
		}
		if (t.rowSecurity()) {
			text.append(t.forceRowSecurity() ? " with forced row security" : " with row security");
		}
		return text.toString();
	}

	private static String column(Table.Column column) {
		StringBuilder text = new StringBuilder(column.type());
		if (column.collation() != null) {
			text.append(" COLLATE ").append(column.collation());
		}
		if (column.notNull()) {
			text.append(" NOT NULL");
		}
		if (column.generated() != null) {
			text.append(" GENERATED ALWAYS AS (").append(column.generated()).append(") STORED");
		}
		else if (column.defaultValue() != null) {
			text.append(" DEFAULT ").append(column.defaultValue());
		}
		if (column.identity() != null) {
			text.append(" GENERATED ").append(column.identity()).append(" AS IDENTITY");
			Table.IdentitySequence sequence = column.identitySequence();
			if (sequence != null) {
				String options = ((sequence.start() != first(sequence.increment(), sequence.minValue(),
						sequence.maxValue())) ? " start " + sequence.start() : "")
						+ ((sequence.increment() != 1) ? " increment " + sequence.increment() : "")
						+ bounds(column.type(), sequence.increment(), sequence.minValue(), sequence.maxValue(),
								sequence.cache(), sequence.cycle());
				if (!options.isEmpty()) {
					text.append(" (").append(options.strip()).append(')');
				}
			}
		}
		return text.toString();
	}

	/**
	 * A sequence's bounds, cache and cycle where they differ from PostgreSQL's defaults
	 * for its type and direction, so that a downgrade that leaves them changed shows.
	 */
	private static String bounds(String type, long increment, long minValue, long maxValue, long cache, boolean cycle) {
		long typeMax = switch (type) {
			case "smallint" -> Short.MAX_VALUE;
			case "integer" -> Integer.MAX_VALUE;
			default -> Long.MAX_VALUE;
		};
		long typeMin = -typeMax - 1;
		long defaultMin = (increment > 0) ? 1 : typeMin;
		long defaultMax = (increment > 0) ? typeMax : -1;
		return ((minValue != defaultMin) ? " minvalue " + minValue : "")
				+ ((maxValue != defaultMax) ? " maxvalue " + maxValue : "") + ((cache != 1) ? " cache " + cache : "")
				+ (cycle ? " cycle" : "");
	}

	/**
	 * Where a sequence starts by default: its minimum going up, its maximum going down.
	 */
	private static long first(long increment, long minValue, long maxValue) {
		return (increment > 0) ? minValue : maxValue;
	}

}
