package io.github.migrations.core.script;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.github.migrations.core.api.ScriptLocation;
import io.github.migrations.core.revision.RevisionId;

/**
 * Reads the values of header lines that name revisions or labels, with a message for each
 * way they can be wrong.
 */
final class HeaderValues {

	private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_]+");

	private final String file;

	HeaderValues(String file) {
		this.file = file;
	}

	RevisionId revisionId(HeaderKey key, int line, String value) {
		if (value.isEmpty()) {
			throw noValue(key, line);
		}
		if (RevisionId.isReserved(value)) {
			throw error(line, "%s '%s' is a reserved word".formatted(key.key(), value),
					(key == HeaderKey.REVISION)
							? "'head', 'heads', 'base' and 'current' name targets, so no revision can take them; "
									+ "choose another id, for example '7c41e0a9b2d3'."
							: "Name the parents by their ids, or write '-- down_revision: base' for a first revision.");
		}
		if (value.length() > RevisionId.MAX_LENGTH) {
			throw error(line,
					"%s '%s...' is %d characters long".formatted(key.key(), value.substring(0, 16), value.length()),
					"Use an id of at most %d characters: ids are the version store's keys."
						.formatted(RevisionId.MAX_LENGTH));
		}
		if (!RevisionId.isValid(value)) {
			throw error(line, "%s '%s' is not a valid revision id".formatted(key.key(), value),
					"Use letters, digits and '_' only, for example '7c41e0a9b2d3'.");
		}
		return RevisionId.of(value);
	}

	/**
	 * The parents named by {@code down_revision}: none for {@code base} (or Alembic's
	 * {@code None}), one, or several for a merge.
	 */
	List<RevisionId> downRevisions(int line, String value) {
		if (value.isEmpty()) {
			throw noValue(HeaderKey.DOWN_REVISION, line);
		}
		if (isNone(value) || value.equals("base")) {
			return List.of();
		}
		List<RevisionId> parents = new ArrayList<>();
		for (String entry : entries(HeaderKey.DOWN_REVISION, line, value)) {
			if (isNone(entry) || entry.equals("base")) {
				throw error(line, "down_revision lists '%s' together with other revisions".formatted(entry),
						"Write '-- down_revision: base' alone for a first revision, or list only the parents' ids.");
			}
			parents.add(revisionId(HeaderKey.DOWN_REVISION, line, entry));
		}
		return parents;
	}

	/**
	 * The comma-separated names of {@code branch_labels} or {@code depends_on}; none when
	 * the value is empty or {@code None}.
	 */
	List<String> names(HeaderKey key, int line, String value) {
		if (value.isEmpty() || isNone(value)) {
			return List.of();
		}
		List<String> names = entries(key, line, value);
		for (String name : names) {
			if (name.length() > RevisionId.MAX_LENGTH) {
				throw error(line,
						"%s '%s...' is %d characters long".formatted(key.key(), name.substring(0, 16), name.length()),
						"Use a name of at most %d characters.".formatted(RevisionId.MAX_LENGTH));
			}
			if (!NAME.matcher(name).matches()) {
				throw error(line, "%s '%s' is not a valid name".formatted(key.key(), name),
						"Use letters, digits and '_' only, for example '%s'.".formatted(listExample(key)));
			}
		}
		return names;
	}

	private List<String> entries(HeaderKey key, int line, String value) {
		List<String> entries = new ArrayList<>();
		for (String entry : value.split(",", -1)) {
			String name = entry.strip();
			if (name.isEmpty()) {
				throw error(line, "%s has an empty entry".formatted(key.key()),
						"Separate the entries with single commas, for example '%s'.".formatted(listExample(key)));
			}
			if (entries.contains(name)) {
				throw error(line, "%s lists '%s' twice".formatted(key.key(), name), "List each entry once.");
			}
			entries.add(name);
		}
		return entries;
	}

	/**
	 * The error for a value that is empty, or else the given error.
	 */
	ScriptException noValueOr(HeaderKey key, int line, String value, String problem, String hint) {
		return value.isEmpty() ? noValue(key, line) : error(line, problem, hint);
	}

	private ScriptException noValue(HeaderKey key, int line) {
		return error(line, "'%s' has no value".formatted(key.key()),
				"Write the value after the colon, for example '%s'.".formatted(key.example()));
	}

	private ScriptException error(int line, String problem, String hint) {
		return new ScriptException(ScriptLocation.at(this.file, line), problem, hint);
	}

	private static boolean isNone(String value) {
		return value.equals("None");
	}

	private static String listExample(HeaderKey key) {
		return switch (key) {
			case DOWN_REVISION -> "-- down_revision: 1f09aa4c6e70, 55ab12cd9e01";
			case BRANCH_LABELS -> "-- branch_labels: shopping, billing";
			default -> "-- depends_on: 55ab12cd, billing";
		};
	}

}
