package io.github.migrations.schema;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The schemas around {@code --concurrently}'s index work, so that it can be committed
 * apart from the rest of a diff: {@code CREATE INDEX CONCURRENTLY} and
 * {@code DROP INDEX CONCURRENTLY} cannot run in a transaction block, and the rest then
 * keeps one.
 * <p>
 * The drops come first: an index dropped before the rest changes or drops the columns it
 * covers is not rebuilt by an {@code ALTER COLUMN ... TYPE} nor dropped with its column
 * (after which its own drop would fail). The builds come last: a new index may cover a
 * column the rest adds. An index that another object depends on (a foreign key on a
 * unique index) stays with the rest, which needs it.
 */
final class ConcurrentIndexes {

	private static final Pattern BUILT = Pattern.compile("^CREATE (UNIQUE )?INDEX CONCURRENTLY ");

	private static final String DROPPED = "DROP INDEX CONCURRENTLY ";

	private ConcurrentIndexes() {
	}

	/**
	 * {@code from} without the indexes that {@code changes} drops {@code CONCURRENTLY}
	 * and that nothing else in {@code from} depends on, or {@code null} when there are
	 * none.
	 */
	static @Nullable DatabaseSchema withoutDropped(DatabaseSchema from, SchemaChanges changes) {
		return without(from, indexes(changes, (sql) -> sql.startsWith(DROPPED)));
	}

	/**
	 * {@code to} without the indexes that {@code changes} builds {@code CONCURRENTLY} and
	 * that nothing else in {@code to} depends on, or {@code null} when there are none.
	 */
	static @Nullable DatabaseSchema withoutBuilt(DatabaseSchema to, SchemaChanges changes) {
		return without(to, indexes(changes, (sql) -> BUILT.matcher(sql).find()));
	}

	private static Set<String> indexes(SchemaChanges changes, Predicate<String> statement) {
		Set<String> keys = new LinkedHashSet<>();
		for (Change change : changes.changes()) {
			if (change.object().startsWith("index ") && !change.transactional() && statement.test(change.sql())) {
				keys.add(change.object());
			}
		}
		return keys;
	}

	private static @Nullable DatabaseSchema without(DatabaseSchema schema, Set<String> indexes) {
		Set<String> moved = new LinkedHashSet<>();
		for (String key : indexes) {
			boolean needed = schema.dependencies()
				.entrySet()
				.stream()
				.anyMatch((entry) -> !entry.getKey().equals(key) && entry.getValue().contains(key));
			if (schema.object(key) instanceof Index && !needed) {
				moved.add(key);
			}
		}
		if (moved.isEmpty()) {
			return null;
		}
		List<SchemaObject> objects = new ArrayList<>();
		for (SchemaObject object : schema.objects().values()) {
			if (!moved.contains(object.key())) {
				objects.add(object);
			}
		}
		Map<String, Set<String>> dependencies = new HashMap<>(schema.dependencies());
		moved.forEach(dependencies::remove);
		return new DatabaseSchema(objects, schema.unsupported(), dependencies, schema.grants(), schema.serverVersion());
	}

}
