package io.github.migrations.schema;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * The schema between the two steps of {@code --not-valid}'s safe form: every foreign key
 * and check that a diff adds to a table that exists already, and every check it adds to a
 * domain that exists already, is there but {@code NOT VALID}. Adding a constraint
 * {@code NOT VALID} checks no existing row; {@code VALIDATE CONSTRAINT} then checks them
 * in a transaction of its own, for a table under {@code SHARE UPDATE EXCLUSIVE} (writes
 * go on). In the transaction that added the constraint, the validation would run under
 * the lock the {@code ADD} took ({@code ACCESS EXCLUSIVE} for a check), which is why the
 * two steps are committed apart.
 * <p>
 * A table that exists already and that the diff attaches as a partition stays apart in
 * that schema, with a {@code CHECK} of its bounds ({@link PartitionBoundCheck})
 * {@code NOT VALID}; the second step validates the check, attaches the table (the server
 * then skips the scan of its rows) and drops the check.
 */
final class PendingValidation {

	private PendingValidation() {
	}

	/**
	 * {@code to} with those constraints {@code NOT VALID}, or {@code null} when the diff
	 * adds none.
	 */
	static @Nullable DatabaseSchema between(DatabaseSchema from, DatabaseSchema to) {
		List<SchemaObject> objects = new ArrayList<>();
		boolean pending = false;
		for (SchemaObject object : to.objects().values()) {
			SchemaObject before = from.object(object.key());
			SchemaObject now = object;
			if (object instanceof Constraint c && addedValidatedToExistingTable(c, before, from)) {
				now = new Constraint(c.table(), c.name(), c.type(), c.definition() + " NOT VALID", c.references(),
						c.comment());
			}
			else if (object instanceof Domain d && before instanceof Domain b) {
				now = withNewChecksNotValid(b, d);
			}
			else if (object instanceof Table t) {
				Constraint check = boundCheck(t, from, to);
				if (check != null) {
					objects.add(check);
					now = new Table(t.name(), t.unlogged(), t.partitionKey(), null, null, t.columns(), t.options(),
							t.rowSecurity(), t.forceRowSecurity(), t.comment());
				}
			}
			pending |= !now.equals(object);
			objects.add(now);
		}
		if (!pending) {
			return null;
		}
		return new DatabaseSchema(objects, to.unsupported(), to.dependencies(), to.grants(), to.serverVersion());
	}

	/**
	 * The second step, from {@code pending} to {@code to}: the diff between them, each
	 * partition check validated, then its table attached, then the check dropped.
	 */
	static SchemaChanges validation(DatabaseSchema pending, DatabaseSchema to) {
		Map<String, Constraint> checks = pending.all(Constraint.class)
			.stream()
			.filter((c) -> to.object(c.key()) == null && isBoundCheckOf(c, pending, to))
			.collect(Collectors.toMap((c) -> "table " + c.table(), Function.identity()));
		SchemaChanges changes = SchemaDiffer.diff(pending, to);
		List<Change> ordered = new ArrayList<>();
		for (Change change : changes.changes()) {
			Constraint check = checks.get(change.object());
			if (checks.values().stream().anyMatch((c) -> c.key().equals(change.object()))) {
				continue;
			}
			if (check != null && change.sql().contains(" ATTACH PARTITION ")) {
				ordered.add(Change.of(check.key(), Ddl.validate(check)));
				ordered.add(change);
				ordered.add(Change.of(check.key(),
						"ALTER TABLE %s DROP CONSTRAINT %s".formatted(check.table().sql(), Sql.ident(check.name()))));
			}
			else {
				ordered.add(change);
			}
		}
		return new SchemaChanges(ordered, changes.unsupported());
	}

	/**
	 * The {@code NOT VALID} check of a partition's bounds that {@code pending} puts on
	 * {@code t} before attaching it, or {@code null} when {@code t} exists apart in
	 * {@code from}, or its bounds have no such check.
	 */
	private static @Nullable Constraint boundCheck(Table t, DatabaseSchema from, DatabaseSchema to) {
		Table before = from.table(t.name());
		Table parent = (t.partitionOf() != null) ? to.table(t.partitionOf()) : null;
		if (before == null || before.partitionOf() != null || parent == null) {
			return null;
		}
		String expression = PartitionBoundCheck.expression(parent.partitionKey(), t.partitionBound());
		String name = boundCheckName(t);
		if (expression == null || from.object("constraint " + t.name() + "." + name) != null
				|| to.object("constraint " + t.name() + "." + name) != null) {
			return null;
		}
		return new Constraint(t.name(), name, Constraint.Type.CHECK, "CHECK (" + expression + ") NOT VALID", null,
				null);
	}

	private static boolean isBoundCheckOf(Constraint c, DatabaseSchema pending, DatabaseSchema to) {
		Table table = to.table(c.table());
		Table apart = pending.table(c.table());
		return c.type() == Constraint.Type.CHECK && c.name().equals(boundCheckName(table)) && table != null
				&& table.partitionOf() != null && apart != null && apart.partitionOf() == null;
	}

	/**
	 * {@code
	 *
	<table>
	 * _partition_bound}, within PostgreSQL's 63 bytes.
	 */
	private static String boundCheckName(@Nullable Table t) {
		String suffix = "_partition_bound";
		String name = (t != null) ? t.name().name() : "";
		while ((name + suffix).getBytes(StandardCharsets.UTF_8).length > 63) {
			name = name.substring(0, name.length() - 1);
		}
		return name + suffix;
	}

	private static boolean addedValidatedToExistingTable(Constraint c, @Nullable SchemaObject before,
			DatabaseSchema from) {
		return (c.type() == Constraint.Type.FOREIGN_KEY || c.type() == Constraint.Type.CHECK) && c.validated()
				&& from.table(c.table()) != null
				&& !(before instanceof Constraint b && b.definition().equals(c.definition()));
	}

	/**
	 * The domain {@code now} with each check that {@code before} lacks (or has with
	 * another definition) {@code NOT VALID}.
	 */
	private static Domain withNewChecksNotValid(Domain before, Domain now) {
		List<Domain.Check> checks = new ArrayList<>();
		for (Domain.Check check : now.checks()) {
			boolean existing = before.checks()
				.stream()
				.anyMatch((old) -> old.name().equals(check.name())
						&& Objects.equals(old.definition(), check.definition()));
			boolean validated = !check.definition().endsWith(" NOT VALID");
			checks.add((existing || !validated) ? check
					: new Domain.Check(check.name(), check.definition() + " NOT VALID"));
		}
		return new Domain(now.name(), now.baseType(), now.collation(), now.defaultValue(), now.notNull(), checks,
				now.comment());
	}

}
