package io.github.migrations.schema;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.github.migrations.schema.Node.ColumnPart;
import org.jspecify.annotations.Nullable;

/**
 * The changes of an enum type: values added in place
 * ({@code ADD VALUE ... BEFORE/AFTER}), or, when values are removed or reordered, a
 * rebuild: the old type renamed aside, the new one created, every column that uses it
 * converted through {@code text}, the old one dropped.
 */
final class EnumChanges {

	private EnumChanges() {
	}

	static Alteration alter(EnumType b, EnumType a, NodeGraph from, NodeGraph to) {
		String key = a.key();
		List<Change> changes = new ArrayList<>();
		if (isSubsequence(b.labels(), a.labels())) {
			List<String> labels = a.labels();
			for (int i = 0; i < labels.size(); i++) {
				String label = labels.get(i);
				if (b.labels().contains(label)) {
					continue;
				}
				String position = "";
				for (int j = i + 1; j < labels.size(); j++) {
					if (b.labels().contains(labels.get(j))) {
						position = " BEFORE " + Sql.literal(labels.get(j));
						break;
					}
				}
				changes.add(Change.of(key,
						"ALTER TYPE %s ADD VALUE %s%s".formatted(a.name().sql(), Sql.literal(label), position)));
			}
			if (!Objects.equals(b.comment(), a.comment())) {
				changes.add(Change.of(key, Ddl.comment(a, a.comment())));
			}
			return Alteration.of(changes);
		}
		String blocked = whyNotRebuilt(b, a, from, to);
		if (blocked != null) {
			return new Alteration(List.of(), Set.of(), List.of(blocked));
		}
		return rebuild(b, a, from, to, from.castsOf(b.name()));
	}

	/**
	 * The changes of an enum type that gains values which the same diff uses: a rebuild
	 * with them, which runs in a transaction, where {@code ADD VALUE} could not (SQLSTATE
	 * 55P04); values added in place when the type cannot be rebuilt (a domain or
	 * composite type built on it, a cast through a function). The rebuild's first
	 * statement carries a note for the reviewer: converting the columns rewrites their
	 * tables under an {@code ACCESS EXCLUSIVE} lock.
	 */
	static Alteration withValuesInTransaction(EnumType b, EnumType a, NodeGraph from, NodeGraph to) {
		if (whyNotRebuilt(b, a, from, to) != null) {
			return alter(b, a, from, to);
		}
		Alteration rebuilt = rebuild(b, a, from, to, from.castsOf(b.name()));
		List<Change> changes = new ArrayList<>(rebuilt.changes());
		changes.set(0, changes.get(0).withReview(rebuildNote(b, a, to, rebuilt.around())));
		return new Alteration(changes, rebuilt.around(), rebuilt.unsupported());
	}

	/**
	 * What a rebuild that restores values does and costs, in one line: the tables whose
	 * columns of the type it converts, each rewritten under an exclusive lock.
	 */
	private static String rebuildNote(EnumType b, EnumType a, NodeGraph to, Set<String> around) {
		List<String> restored = a.labels().stream().filter((label) -> !b.labels().contains(label)).toList();
		List<String> tables = around.stream()
			.filter((key) -> key.startsWith("column "))
			.map((key) -> to.node(key).model())
			.filter(ColumnPart.class::isInstance)
			.map((model) -> ((ColumnPart) model).table().name().toString())
			.distinct()
			.toList();
		String replaces = "replaces enum type %s to restore %s in one transaction".formatted(a.name(),
				String.join(", ", restored.stream().map(Sql::literal).toList()));
		if (tables.isEmpty()) {
			return replaces + " (no column uses it)";
		}
		return "%s, which rewrites %s %s under an ACCESS EXCLUSIVE lock".formatted(replaces,
				(tables.size() == 1) ? "table" : "tables", String.join(", ", tables));
	}

	/**
	 * What keeps the type from being rebuilt, as the sentence that names it, or
	 * {@code null} when nothing does.
	 */
	private static @Nullable String whyNotRebuilt(EnumType b, EnumType a, NodeGraph from, NodeGraph to) {
		String key = a.key();
		List<String> builtOn = from.dependentsOf(key)
			.stream()
			.filter((dependent) -> dependent.startsWith("type ") && to.contains(dependent))
			.map((dependent) -> dependent.substring("type ".length()))
			.toList();
		if (!builtOn.isEmpty()) {
			// a domain or composite type keeps the old type by its oid: the rebuild could
			// not
			// drop it, and PostgreSQL has no statement that moves them to the new one
			return "enum type %s loses or reorders values, but %s %s built on it; not changed: rebuild them by hand"
				.formatted(a.name(), String.join(", ", builtOn), (builtOn.size() == 1) ? "is" : "are");
		}
		Map<String, String> casts = from.castsOf(b.name());
		List<String> withFunction = casts.entrySet()
			.stream()
			.filter((cast) -> cast.getValue().startsWith("WITH FUNCTION "))
			.map(Map.Entry::getKey)
			.toList();
		if (!withFunction.isEmpty()) {
			// the cast's function takes or returns the old type, which the rebuild drops
			return "enum type %s loses or reorders values, but %s %s a function on it; not changed: rebuild by hand"
				.formatted(a.name(), String.join(", ", withFunction), (withFunction.size() == 1) ? "uses" : "use");
		}
		return null;
	}

	private static Alteration rebuild(EnumType b, EnumType a, NodeGraph from, NodeGraph to, Map<String, String> casts) {
		String key = a.key();
		String aside = a.name().name() + "_old";
		QualifiedName old = new QualifiedName(a.name().schema(), aside);
		List<String> removed = new ArrayList<>(b.labels());
		removed.removeAll(a.labels());
		List<Change> changes = new ArrayList<>();
		// a cast follows its types by oid: it would keep the old type from being dropped,
		// so it is dropped first and made again, as it was, for the new one
		casts.keySet().forEach((cast) -> changes.add(Change.of(key, "DROP CAST " + cast.substring("cast ".length()))));
		changes.add(Change.of(key, "ALTER TYPE %s RENAME TO %s".formatted(a.name().sql(), Sql.ident(aside))));
		changes.add(Change.of(key, "CREATE TYPE %s AS ENUM (%s)".formatted(a.name().sql(),
				String.join(", ", a.labels().stream().map(Sql::literal).toList()))));
		casts.forEach((cast, definition) -> changes
			.add(Change.of(key, "CREATE CAST %s %s".formatted(cast.substring("cast ".length()), definition))));
		Set<String> around = new LinkedHashSet<>();
		around.add(key);
		for (String dependent : from.dependentsOf(key)) {
			if (!dependent.startsWith("column ") || !to.contains(dependent)
					|| !(to.node(dependent).model() instanceof ColumnPart column)) {
				continue;
			}
			String type = column.column().type();
			String base = type.endsWith("[]") ? type.substring(0, type.length() - 2) : type;
			if (!base.equals(a.name().sql()) && !base.equals(Sql.ident(a.name().name()))) {
				continue;
			}
			around.add(dependent);
			String via = type.endsWith("[]") ? "text[]" : "text";
			String sql = "ALTER TABLE %s ALTER COLUMN %s TYPE %s USING %s::%s::%s"
				.formatted(column.table().name().sql(), column.sqlName(), type, column.sqlName(), via, type);
			changes.add(removed.isEmpty() ? Change.of(dependent, sql)
					: Change.destructive(dependent, sql,
							"converts column %s.%s to the new values of %s; rows holding %s fail".formatted(
									column.table().name(), column.column().name(), a.name(),
									String.join(", ", removed))));
		}
		changes.add(Change.of(key, "DROP TYPE " + old.sql()));
		if (a.comment() != null) {
			changes.add(Change.of(key, Ddl.comment(a, a.comment())));
		}
		return new Alteration(changes, around, List.of());
	}

	private static boolean isSubsequence(List<String> part, List<String> whole) {
		int at = 0;
		for (String label : whole) {
			if (at < part.size() && part.get(at).equals(label)) {
				at++;
			}
		}
		return at == part.size() && whole.containsAll(part);
	}

}
