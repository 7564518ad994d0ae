package io.github.migrations.schema;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The schema between two steps that PostgreSQL needs when a diff adds an enum value and
 * uses it: it refuses a value in the transaction that added it (SQLSTATE 55P04, "unsafe
 * use of new value"), so the {@code ADD VALUE}s are committed first, on their own, and
 * the rest of the diff runs after them in a transaction of its own.
 */
final class NewEnumValues {

	private NewEnumValues() {
	}

	/**
	 * {@code from} with the values {@code to} adds to its enum types, or {@code null}
	 * when no statement of {@code changes} uses an added value after adding it.
	 */
	static @Nullable DatabaseSchema between(DatabaseSchema from, DatabaseSchema to, SchemaChanges changes) {
		if (changes.changes().stream().noneMatch(NewEnumValues::isAddedValueUsedBelow)) {
			return null;
		}
		List<SchemaObject> objects = new ArrayList<>();
		for (SchemaObject object : from.objects().values()) {
			if (object instanceof EnumType before && to.object(before.key()) instanceof EnumType after
					&& gainsValuesOnly(before, after)) {
				objects.add(new EnumType(before.name(), after.labels(), before.comment()));
			}
			else {
				objects.add(object);
			}
		}
		return new DatabaseSchema(objects, from.unsupported(), from.dependencies(), from.grants(),
				from.serverVersion());
	}

	/**
	 * Whether the change adds an enum value that a later statement of its diff uses (the
	 * differ marks those to run outside a transaction).
	 */
	static boolean isAddedValueUsedBelow(Change change) {
		return !change.transactional() && change.sql().startsWith("ALTER TYPE ")
				&& change.sql().contains(" ADD VALUE '");
	}

	/**
	 * Whether {@code after} keeps every value of {@code before} in its order and adds
	 * some: the values {@code ADD VALUE} adds in place.
	 */
	private static boolean gainsValuesOnly(EnumType before, EnumType after) {
		if (after.labels().size() <= before.labels().size()) {
			return false;
		}
		int at = 0;
		for (String label : after.labels()) {
			if (at < before.labels().size() && before.labels().get(at).equals(label)) {
				at++;
			}
		}
		return at == before.labels().size();
	}

}
