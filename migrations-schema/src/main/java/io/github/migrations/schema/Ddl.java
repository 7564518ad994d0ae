package io.github.migrations.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.github.migrations.schema.Node.ColumnPart;
import io.github.migrations.schema.Node.DefaultPart;
import io.github.migrations.schema.Node.OwnerPart;
import io.github.migrations.schema.Table.Column;
import org.jspecify.annotations.Nullable;

/**
 * The SQL that creates, drops and comments on each kind of unit.
 */
final class Ddl {

	private static final Pattern ON_ONLY = Pattern
		.compile("^(CREATE (?:UNIQUE )?INDEX (?:\"(?:[^\"]|\"\")*\"|\\S+) ON )ONLY ");

	private Ddl() {
	}

	/**
	 * The statements that create the unit, its comment included.
	 */
	static List<Change> create(Node node, CreateContext context) {
		String key = node.key();
		Object model = node.model();
		List<Change> changes = new ArrayList<>();
		if (model instanceof Schema s) {
			changes.add(Change.of(key, "CREATE SCHEMA " + Sql.ident(s.name())));
		}
		else if (model instanceof Extension x) {
			changes.add(Change.of(key, "CREATE EXTENSION %s WITH SCHEMA %s VERSION %s".formatted(Sql.ident(x.name()),
					Sql.ident(x.schema()), Sql.literal(x.version()))));
		}
		else if (model instanceof EnumType e) {
			changes.add(Change.of(key, "CREATE TYPE %s AS ENUM (%s)".formatted(e.name().sql(),
					e.labels().stream().map(Sql::literal).collect(Collectors.joining(", ")))));
		}
		else if (model instanceof Domain d) {
			StringBuilder sql = new StringBuilder("CREATE DOMAIN ").append(d.name().sql())
				.append(" AS ")
				.append(d.baseType());
			if (d.collation() != null) {
				sql.append(" COLLATE ").append(d.collation());
			}
			if (d.defaultValue() != null) {
				sql.append(" DEFAULT ").append(Deparsed.written(d.defaultValue()));
			}
			if (d.notNull()) {
				sql.append(" NOT NULL");
			}
			changes.add(Change.of(key, sql.toString()));
			for (Domain.Check check : d.checks()) {
				changes.add(Change.of(key, addDomainCheck(d, check)));
			}
		}
		else if (model instanceof CompositeType c) {
			changes.add(Change.of(key, "CREATE TYPE %s AS (%s)".formatted(c.name().sql(),
					c.attributes().stream().map(Ddl::attribute).collect(Collectors.joining(", ")))));
		}
		else if (model instanceof Sequence s) {
			changes.add(Change.of(key,
					"CREATE SEQUENCE %s AS %s INCREMENT BY %d MINVALUE %d MAXVALUE %d START WITH %d "
						.formatted(s.name().sql(), s.type(), s.increment(), s.minValue(), s.maxValue(), s.start())
							+ "CACHE %d%s".formatted(s.cache(), s.cycle() ? " CYCLE" : "")));
		}
		else if (model instanceof OwnerPart o) {
			changes.add(Change.of(key, ownedBy(o.sequence())));
		}
		else if (model instanceof Function f) {
			changes.add(Change.of(key, f.definition().strip()));
		}
		else if (model instanceof Table t) {
			changes.add(Change.of(key, createTable(t)));
			for (Column column : t.columns()) {
				if (column.comment() != null) {
					changes.add(Change.of(key, comment(new ColumnPart(t, column), column.comment())));
				}
			}
		}
		else if (model instanceof ColumnPart c) {
			changes.add(Change.of(key, "ALTER TABLE %s ADD COLUMN %s".formatted(c.table().name().sql(),
					columnDefinition(c.column(), true))));
			if (c.column().comment() != null) {
				changes.add(Change.of(key, comment(c, c.column().comment())));
			}
			return changes;
		}
		else if (model instanceof DefaultPart d) {
			changes.add(Change.of(key, setDefault(d)));
			return changes;
		}
		else if (model instanceof Constraint c) {
			boolean notValid = context.notValidConstraints() && c.validated()
					&& (c.type() == Constraint.Type.FOREIGN_KEY || c.type() == Constraint.Type.CHECK);
			String sql = "ALTER TABLE %s ADD CONSTRAINT %s %s".formatted(c.table().sql(), Sql.ident(c.name()),
					Deparsed.written(c.definition()));
			if (notValid) {
				changes.add(Change.of(key, sql + " NOT VALID"));
				changes.add(Change.of(key, validate(c)));
			}
			else {
				changes.add(Change.of(key, sql));
			}
		}
		else if (model instanceof Index i) {
			// a partitioned table's index is printed ON ONLY the table; created so, it
			// would stay invalid and its partitions without one
			String definition = ON_ONLY.matcher(Deparsed.written(i.definition())).replaceFirst("$1");
			if (context.concurrentIndexes()) {
				String sql = definition.replaceFirst("^CREATE (UNIQUE )?INDEX ", "CREATE $1INDEX CONCURRENTLY ");
				changes.add(Change.of(key, sql).nonTransactional());
			}
			else {
				changes.add(Change.of(key, definition));
			}
		}
		else if (model instanceof View v) {
			String options = v.options().isEmpty() ? "" : " WITH (" + String.join(", ", v.options()) + ")";
			changes
				.add(Change.of(key, "CREATE %s %s%s AS\n%s".formatted(v.materialized() ? "MATERIALIZED VIEW" : "VIEW",
						v.name().sql(), options, Deparsed.written(v.query()))));
		}
		else if (model instanceof Trigger t) {
			changes.add(Change.of(key, Deparsed.written(t.definition())));
		}
		else if (model instanceof Policy p) {
			changes.add(Change.of(key, createPolicy(p)));
		}
		else if (model instanceof TextSearchDictionary d) {
			TextSearchDdl.create(d).forEach((sql) -> changes.add(Change.of(key, sql)));
		}
		else if (model instanceof TextSearchConfiguration c) {
			TextSearchDdl.create(c).forEach((sql) -> changes.add(Change.of(key, sql)));
		}
		if (model instanceof SchemaObject object && object.comment() != null) {
			changes.add(Change.of(key, comment(model, object.comment())));
		}
		return changes;
	}

	/**
	 * {@code DROP INDEX CONCURRENTLY}: waits for the transactions that use the index
	 * instead of blocking the table's readers and writers; it cannot run in a transaction
	 * block.
	 */
	static Change dropIndexConcurrently(Index index) {
		return Change.of(index.key(), "DROP INDEX CONCURRENTLY " + index.name().sql()).nonTransactional();
	}

	/**
	 * The statement that drops the unit.
	 */
	static Change drop(Node node) {
		String key = node.key();
		Object model = node.model();
		if (model instanceof Schema s) {
			return Change.of(key, "DROP SCHEMA " + Sql.ident(s.name()));
		}
		if (model instanceof Extension x) {
			return Change.destructive(key, "DROP EXTENSION " + Sql.ident(x.name()),
					("drops extension %s and what it provides (functions, types, operators, the rows of its own "
							+ "tables); a DBA may have installed it for a use these revisions do not know of")
						.formatted(x.name()));
		}
		if (model instanceof EnumType || model instanceof CompositeType) {
			return Change.of(key, "DROP TYPE " + NodeGraph.typeName(model).sql());
		}
		if (model instanceof Domain d) {
			return Change.of(key, "DROP DOMAIN " + d.name().sql());
		}
		if (model instanceof Sequence s) {
			return Change.of(key, "DROP SEQUENCE " + s.name().sql());
		}
		if (model instanceof OwnerPart o) {
			return Change.of(key, "ALTER SEQUENCE %s OWNED BY NONE".formatted(o.sequence().name().sql()));
		}
		if (model instanceof Function f) {
			return Change.of(key, "DROP %s %s".formatted(f.procedure() ? "PROCEDURE" : "FUNCTION", f.signature()));
		}
		if (model instanceof Table t) {
			return Change.destructive(key, "DROP TABLE " + t.name().sql(),
					"drops table %s and every row in it".formatted(t.name()));
		}
		if (model instanceof ColumnPart c && c.column().generated() != null) {
			// its values are computed from the other columns: nothing is lost
			return Change.of(key, "ALTER TABLE %s DROP COLUMN %s".formatted(c.table().name().sql(), c.sqlName()));
		}
		if (model instanceof ColumnPart c) {
			return Change.destructive(key,
					"ALTER TABLE %s DROP COLUMN %s".formatted(c.table().name().sql(), c.sqlName()),
					"drops column %s.%s and its data".formatted(c.table().name(), c.column().name()));
		}
		if (model instanceof DefaultPart d) {
			return Change.of(key, "ALTER TABLE %s ALTER COLUMN %s DROP DEFAULT".formatted(d.table().name().sql(),
					Sql.ident(d.column().name())));
		}
		if (model instanceof Constraint c) {
			return Change.of(key, "ALTER TABLE %s DROP CONSTRAINT %s".formatted(c.table().sql(), Sql.ident(c.name())));
		}
		if (model instanceof Index i) {
			return Change.of(key, "DROP INDEX " + i.name().sql());
		}
		if (model instanceof View v) {
			return Change.of(key,
					"DROP %s %s".formatted(v.materialized() ? "MATERIALIZED VIEW" : "VIEW", v.name().sql()));
		}
		if (model instanceof Trigger t) {
			return Change.of(key, "DROP TRIGGER %s ON %s".formatted(Sql.ident(t.name()), t.table().sql()));
		}
		if (model instanceof TextSearchDictionary || model instanceof TextSearchConfiguration) {
			return Change.of(key, TextSearchDdl.drop(model));
		}
		Policy p = (Policy) model;
		return Change.of(key, "DROP POLICY %s ON %s".formatted(Sql.ident(p.name()), p.table().sql()));
	}

	/**
	 * {@code COMMENT ON} the unit.
	 */
	static String comment(Object model, @Nullable String comment) {
		return "COMMENT ON %s IS %s".formatted(commentTarget(model), Sql.literalOrNull(comment));
	}

	private static String commentTarget(Object model) {
		if (model instanceof Schema s) {
			return "SCHEMA " + Sql.ident(s.name());
		}
		if (model instanceof EnumType e) {
			return "TYPE " + e.name().sql();
		}
		if (model instanceof CompositeType c) {
			return "TYPE " + c.name().sql();
		}
		if (model instanceof Domain d) {
			return "DOMAIN " + d.name().sql();
		}
		if (model instanceof Sequence s) {
			return "SEQUENCE " + s.name().sql();
		}
		if (model instanceof Function f) {
			return (f.procedure() ? "PROCEDURE " : "FUNCTION ") + f.signature();
		}
		if (model instanceof Table t) {
			return "TABLE " + t.name().sql();
		}
		if (model instanceof ColumnPart c) {
			return "COLUMN " + c.table().name().sql() + "." + c.sqlName();
		}
		if (model instanceof Constraint c) {
			return "CONSTRAINT %s ON %s".formatted(Sql.ident(c.name()), c.table().sql());
		}
		if (model instanceof Index i) {
			return "INDEX " + i.name().sql();
		}
		if (model instanceof View v) {
			return (v.materialized() ? "MATERIALIZED VIEW " : "VIEW ") + v.name().sql();
		}
		if (model instanceof Trigger t) {
			return "TRIGGER %s ON %s".formatted(Sql.ident(t.name()), t.table().sql());
		}
		if (model instanceof TextSearchDictionary || model instanceof TextSearchConfiguration) {
			return TextSearchDdl.target(model);
		}
		Policy p = (Policy) model;
		return "POLICY %s ON %s".formatted(Sql.ident(p.name()), p.table().sql());
	}

	static String createTable(Table t) {
		StringBuilder sql = new StringBuilder("CREATE ");
		if (t.unlogged()) {
			sql.append("UNLOGGED ");
		}
		sql.append("TABLE ").append(t.name().sql());
		if (t.partitionOf() != null) {
			sql.append(" PARTITION OF ").append(t.partitionOf().sql()).append(' ').append(t.partitionBound());
		}
		else {
			sql.append(" (");
			for (int i = 0; i < t.columns().size(); i++) {
				sql.append((i > 0) ? ",\n\t" : "\n\t").append(columnDefinition(t.columns().get(i), true));
			}
			sql.append(t.columns().isEmpty() ? ")" : "\n)");
		}
		if (t.partitionKey() != null) {
			sql.append(" PARTITION BY ").append(t.partitionKey());
		}
		if (!t.options().isEmpty()) {
			sql.append(" WITH (").append(String.join(", ", t.options())).append(')');
		}
		return sql.toString();
	}

	static String columnDefinition(Column column, boolean withDefault) {
		StringBuilder sql = new StringBuilder(Sql.ident(column.name())).append(' ').append(column.type());
		if (column.collation() != null) {
			sql.append(" COLLATE ").append(column.collation());
		}
		if (column.generated() != null) {
			sql.append(" GENERATED ALWAYS AS (").append(Deparsed.written(column.generated())).append(") STORED");
		}
		if (column.identity() != null) {
			sql.append(' ').append(IdentityOptions.clause(column));
		}
		if (column.notNull()) {
			sql.append(" NOT NULL");
		}
		if (withDefault && column.defaultValue() != null) {
			sql.append(" DEFAULT ").append(Deparsed.written(column.defaultValue()));
		}
		return sql.toString();
	}

	static String setDefault(DefaultPart d) {
		return "ALTER TABLE %s ALTER COLUMN %s SET DEFAULT %s".formatted(d.table().name().sql(),
				Sql.ident(d.column().name()), Deparsed.written(d.column().defaultValue()));
	}

	static String ownedBy(Sequence s) {
		return "ALTER SEQUENCE %s OWNED BY %s.%s".formatted(s.name().sql(), s.ownedBy().table().sql(),
				Sql.ident(s.ownedBy().column()));
	}

	/**
	 * Moves a new sequence owned by a column of an existing table past the values the
	 * column holds (an identity column turned serial, say), so that the column's default
	 * does not hand out a value already taken; a column of no value at or past the
	 * sequence's start leaves it there.
	 */
	static String continueAfterLargest(Sequence s) {
		String column = Sql.ident(s.ownedBy().column());
		return "SELECT pg_catalog.setval(%s, max(%s)) FROM %s HAVING max(%s) >= %d"
			.formatted(Sql.literal(s.name().sql()), column, s.ownedBy().table().sql(), column, s.start());
	}

	static String validate(Constraint c) {
		return "ALTER TABLE %s VALIDATE CONSTRAINT %s".formatted(c.table().sql(), Sql.ident(c.name()));
	}

	static String addDomainCheck(Domain d, Domain.Check check) {
		return "ALTER DOMAIN %s ADD CONSTRAINT %s %s".formatted(d.name().sql(), Sql.ident(check.name()),
				Deparsed.written(check.definition()));
	}

	static String attribute(CompositeType.Attribute a) {
		return Sql.ident(a.name()) + " " + a.type() + ((a.collation() != null) ? " COLLATE " + a.collation() : "");
	}

	static String createPolicy(Policy p) {
		StringBuilder sql = new StringBuilder("CREATE POLICY ").append(Sql.ident(p.name()))
			.append(" ON ")
			.append(p.table().sql())
			.append(p.permissive() ? " AS PERMISSIVE" : " AS RESTRICTIVE")
			.append(" FOR ")
			.append(p.command())
			.append(" TO ")
			.append(String.join(", ", p.roles()));
		if (p.using() != null) {
			sql.append(" USING (").append(Deparsed.written(p.using())).append(')');
		}
		if (p.check() != null) {
			sql.append(" WITH CHECK (").append(Deparsed.written(p.check())).append(')');
		}
		return sql.toString();
	}

	/**
	 * What creating depends on besides the unit: whether new indexes are built
	 * concurrently and constraints added {@code NOT VALID} (only on tables that exist
	 * already).
	 */
	record CreateContext(boolean concurrentIndexes, boolean notValidConstraints) {

		static final CreateContext PLAIN = new CreateContext(false, false);

	}

}
