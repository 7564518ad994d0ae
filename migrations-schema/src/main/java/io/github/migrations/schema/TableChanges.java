package io.github.migrations.schema;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

import io.github.migrations.schema.Table.Column;
import org.jspecify.annotations.Nullable;

/**
 * The in-place changes of a table's own attributes (its columns are units of their own):
 * logging, partitioning, storage parameters, row-level security, comment.
 */
final class TableChanges {

	private TableChanges() {
	}

	static @Nullable Alteration alter(Table b, Table a) {
		if (!Objects.equals(b.partitionKey(), a.partitionKey())) {
			return null;
		}
		String key = a.key();
		String name = a.name().sql();
		List<Change> changes = new ArrayList<>();
		List<String> unsupported = new ArrayList<>();
		if (!Objects.equals(b.partitionOf(), a.partitionOf())
				|| !Objects.equals(b.partitionBound(), a.partitionBound())) {
			if (b.partitionOf() != null) {
				changes
					.add(Change.of(key, "ALTER TABLE %s DETACH PARTITION %s".formatted(b.partitionOf().sql(), name)));
			}
			if (a.partitionOf() != null) {
				changes.add(Change.of(key, "ALTER TABLE %s ATTACH PARTITION %s %s".formatted(a.partitionOf().sql(),
						name, a.partitionBound())));
			}
		}
		if (b.unlogged() != a.unlogged()) {
			changes.add(Change.of(key, "ALTER TABLE %s SET %s".formatted(name, a.unlogged() ? "UNLOGGED" : "LOGGED")));
		}
		List<String> reset = new ArrayList<>();
		for (String option : b.options()) {
			String option1 = option.substring(0, option.indexOf('='));
			if (a.options().stream().noneMatch((o) -> o.startsWith(option1 + "="))) {
				reset.add(option1);
			}
		}
		if (!reset.isEmpty()) {
			changes.add(Change.of(key, "ALTER TABLE %s RESET (%s)".formatted(name, String.join(", ", reset))));
		}
		List<String> set = new ArrayList<>(a.options());
		set.removeAll(b.options());
		if (!set.isEmpty()) {
			changes.add(Change.of(key, "ALTER TABLE %s SET (%s)".formatted(name, String.join(", ", set))));
		}
		if (b.rowSecurity() != a.rowSecurity()) {
			changes.add(Change.of(key,
					"ALTER TABLE %s %s ROW LEVEL SECURITY".formatted(name, a.rowSecurity() ? "ENABLE" : "DISABLE")));
		}
		if (b.forceRowSecurity() != a.forceRowSecurity()) {
			changes.add(Change.of(key, "ALTER TABLE %s %s ROW LEVEL SECURITY".formatted(name,
					a.forceRowSecurity() ? "FORCE" : "NO FORCE")));
		}
		if (!Objects.equals(b.comment(), a.comment())) {
			changes.add(Change.of(key, Ddl.comment(a, a.comment())));
		}
		List<String> current = b.columns().stream().map(Column::name).toList();
		List<String> wanted = a.columns().stream().map(Column::name).toList();
		List<String> kept = new ArrayList<>(current);
		kept.retainAll(wanted);
		wanted.stream().filter((column) -> !kept.contains(column)).forEach(kept::add);
		// the order alone is no difference to act on (no statement can change it): it is
		// named only when this diff adds or drops columns of the table, never in the diff
		// after that
		boolean columnsChange = !new HashSet<>(current).equals(new HashSet<>(wanted));
		if (columnsChange && !kept.equals(wanted) && a.partitionOf() == null && b.partitionOf() == null) {
			unsupported.add(("the columns of table %s will be in the order (%s), not (%s): PostgreSQL adds a column "
					+ "at the end; recreate the table by hand if the order matters")
				.formatted(a.name(), String.join(", ", kept), String.join(", ", wanted)));
		}
		return new Alteration(changes, java.util.Set.of(), unsupported);
	}

}
