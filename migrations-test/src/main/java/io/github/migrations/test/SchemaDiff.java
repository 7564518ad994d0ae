package io.github.migrations.test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The difference between two {@link SchemaSnapshot}s, one line per object:
 * {@code + index public.x: CREATE INDEX ...} (only after),
 * {@code - trigger public.t.y: ...} (only before),
 * {@code ~ column public.t.c: text -> integer} (changed).
 */
public record SchemaDiff(List<String> added, List<String> removed, List<String> changed) {

	public SchemaDiff {
		added = List.copyOf(added);
		removed = List.copyOf(removed);
		changed = List.copyOf(changed);
	}

	static SchemaDiff between(Map<String, String> before, Map<String, String> after) {
		List<String> added = new ArrayList<>();
		List<String> removed = new ArrayList<>();
		List<String> changed = new ArrayList<>();
		TreeSet<String> names = new TreeSet<>(before.keySet());
		names.addAll(after.keySet());
		for (String name : names) {
			String old = before.get(name);
			String now = after.get(name);
			if (old == null) {
				added.add("+ %s: %s".formatted(name, oneLine(now)));
			}
			else if (now == null) {
				removed.add("- %s: %s".formatted(name, oneLine(old)));
			}
			else if (!Objects.equals(old, now)) {
				changed.add("~ %s: %s -> %s".formatted(name, oneLine(old), oneLine(now)));
			}
		}
		return new SchemaDiff(added, removed, changed);
	}

	private static String oneLine(String definition) {
		String line = definition.replaceAll("\\s+", " ").strip();
		return (line.length() > 200) ? line.substring(0, 200) + "..." : line;
	}

	public boolean isEmpty() {
		return this.added.isEmpty() && this.removed.isEmpty() && this.changed.isEmpty();
	}

	@Override
	public String toString() {
		List<String> lines = new ArrayList<>(this.added);
		lines.addAll(this.removed);
		lines.addAll(this.changed);
		return String.join("\n", lines);
	}

}
