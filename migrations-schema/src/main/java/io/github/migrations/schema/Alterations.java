package io.github.migrations.schema;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.github.migrations.schema.Node.ColumnPart;
import io.github.migrations.schema.Node.DefaultPart;
import io.github.migrations.schema.Node.OwnerPart;
import io.github.migrations.schema.Table.Column;
import org.jspecify.annotations.Nullable;

/**
 * The in-place changes of a unit present on both sides ({@code ALTER ...}), or
 * {@code null} when it must be dropped and created again.
 */
final class Alterations {

	private Alterations() {
	}

	static @Nullable Alteration alter(Node old, Node now, NodeGraph from, NodeGraph to) {
		Object before = old.model();
		Object after = now.model();
		String key = now.key();
		if (!before.getClass().equals(after.getClass())) {
			return null;
		}
		if (before instanceof Schema || before instanceof Index || before instanceof View || before instanceof Trigger
				|| before instanceof Policy) {
			SchemaObject b = (SchemaObject) before;
			SchemaObject a = (SchemaObject) after;
			return sameButComment(b, a) ? Alteration.of(List.of(Change.of(key, Ddl.comment(a, a.comment())))) : null;
		}
		if (before instanceof Extension b) {
			Extension a = (Extension) after;
			List<Change> changes = new ArrayList<>();
			if (!b.schema().equals(a.schema())) {
				changes.add(Change.of(key,
						"ALTER EXTENSION %s SET SCHEMA %s".formatted(Sql.ident(a.name()), Sql.ident(a.schema()))));
			}
			if (!b.version().equals(a.version())) {
				changes.add(Change.of(key,
						"ALTER EXTENSION %s UPDATE TO %s".formatted(Sql.ident(a.name()), Sql.literal(a.version()))));
			}
			return Alteration.of(changes);
		}
		if (before instanceof EnumType b) {
			return EnumChanges.alter(b, (EnumType) after, from, to);
		}
		if (before instanceof Domain b) {
			return domain(b, (Domain) after);
		}
		if (before instanceof CompositeType b) {
			return composite(b, (CompositeType) after);
		}
		if (before instanceof Sequence b) {
			return Alteration.of(sequence(b, (Sequence) after));
		}
		if (before instanceof OwnerPart) {
			return Alteration.of(List.of(Change.of(key, Ddl.ownedBy(((OwnerPart) after).sequence()))));
		}
		if (before instanceof Function b) {
			Function a = (Function) after;
			if (b.procedure() != a.procedure() || !b.arguments().equals(a.arguments())
					|| !Objects.equals(b.result(), a.result())) {
				return null;
			}
			List<Change> changes = new ArrayList<>();
			if (!Objects.equals(b.comment(), a.comment())) {
				changes.add(Change.of(key, Ddl.comment(a, a.comment())));
			}
			if (b.definition().equals(a.definition())) {
				return Alteration.of(changes);
			}
			changes.add(0, Change.of(key, a.definition().strip()));
			// what stored the old body's results (index entries, generated values) is
			// built
			// again with the new one
			return new Alteration(changes, Set.of(key), List.of());
		}
		if (before instanceof Table b) {
			return TableChanges.alter(b, (Table) after);
		}
		if (before instanceof TextSearchDictionary b) {
			return TextSearchDdl.alter(b, (TextSearchDictionary) after);
		}
		if (before instanceof TextSearchConfiguration b) {
			// the indexes and generated columns that stay hold what it computed
			List<String> stored = from.dependentsOf(key)
				.stream()
				.filter((dependent) -> to.dependenciesOf(dependent).contains(key)
						&& (dependent.startsWith("index ") || dependent.startsWith("column ")))
				.toList();
			return TextSearchDdl.alter(b, (TextSearchConfiguration) after, stored);
		}
		if (before instanceof ColumnPart b) {
			return ColumnChanges.alter(b, (ColumnPart) after, key, usesEnum(from, old.key()) || usesEnum(to, key),
					from.serverVersion());
		}
		if (before instanceof DefaultPart) {
			return Alteration.of(List.of(Change.of(key, Ddl.setDefault((DefaultPart) after))));
		}
		if (before instanceof Constraint b) {
			Constraint a = (Constraint) after;
			if (b.definition().equals(a.definition())) {
				return Alteration.of(List.of(Change.of(key, Ddl.comment(a, a.comment()))));
			}
			if (!b.validated() && a.validated() && b.definition().equals(a.definition() + " NOT VALID")
					&& Objects.equals(b.comment(), a.comment())) {
				return Alteration.of(List.of(Change.of(key, Ddl.validate(a))));
			}
			return null;
		}
		return null;
	}

	private static boolean sameButComment(SchemaObject before, SchemaObject after) {
		return Objects.equals(withoutComment(before), withoutComment(after));
	}

	private static Object withoutComment(SchemaObject object) {
		if (object instanceof Schema s) {
			return new Schema(s.name(), null);
		}
		if (object instanceof Index i) {
			return new Index(i.name(), i.table(), i.definition(), null);
		}
		if (object instanceof View v) {
			return new View(v.name(), v.materialized(), v.query(), v.options(), null);
		}
		if (object instanceof Trigger t) {
			return new Trigger(t.table(), t.name(), t.definition(), null);
		}
		Policy p = (Policy) object;
		return new Policy(p.table(), p.name(), p.permissive(), p.command(), p.roles(), p.using(), p.check(), null);
	}

	private static boolean usesEnum(NodeGraph graph, String column) {
		return graph.dependenciesOf(column)
			.stream()
			.anyMatch((type) -> graph.contains(type) && graph.node(type).model() instanceof EnumType);
	}

	private static @Nullable Alteration domain(Domain b, Domain a) {
		if (!b.baseType().equals(a.baseType()) || !Objects.equals(b.collation(), a.collation())) {
			return null;
		}
		String key = a.key();
		String name = a.name().sql();
		List<Change> changes = new ArrayList<>();
		if (!Objects.equals(b.defaultValue(), a.defaultValue())) {
			changes.add(Change.of(key,
					(a.defaultValue() != null)
							? "ALTER DOMAIN %s SET DEFAULT %s".formatted(name, Deparsed.written(a.defaultValue()))
							: "ALTER DOMAIN %s DROP DEFAULT".formatted(name)));
		}
		if (b.notNull() != a.notNull()) {
			changes.add(Change.of(key, "ALTER DOMAIN %s %s NOT NULL".formatted(name, a.notNull() ? "SET" : "DROP")));
		}
		Map<String, Domain.Check> old = new TreeMap<>();
		b.checks().forEach((check) -> old.put(check.name(), check));
		Map<String, Domain.Check> now = new TreeMap<>();
		a.checks().forEach((check) -> now.put(check.name(), check));
		old.forEach((checkName, check) -> {
			Domain.Check replacement = now.get(checkName);
			if (replacement != null && replacement.definition().equals(check.definition())) {
				return;
			}
			if (replacement != null && check.definition().equals(replacement.definition() + " NOT VALID")) {
				changes.add(
						Change.of(key, "ALTER DOMAIN %s VALIDATE CONSTRAINT %s".formatted(name, Sql.ident(checkName))));
				return;
			}
			changes.add(Change.of(key, "ALTER DOMAIN %s DROP CONSTRAINT %s".formatted(name, Sql.ident(checkName))));
		});
		now.forEach((checkName, check) -> {
			Domain.Check previous = old.get(checkName);
			if (previous == null || (!previous.definition().equals(check.definition())
					&& !previous.definition().equals(check.definition() + " NOT VALID"))) {
				changes.add(Change.of(key, Ddl.addDomainCheck(a, check)));
			}
		});
		if (!Objects.equals(b.comment(), a.comment())) {
			changes.add(Change.of(key, Ddl.comment(a, a.comment())));
		}
		return Alteration.of(changes);
	}

	private static @Nullable Alteration composite(CompositeType b, CompositeType a) {
		Set<String> newNames = a.attributes()
			.stream()
			.map(CompositeType.Attribute::name)
			.collect(Collectors.toCollection(LinkedHashSet::new));
		Set<String> oldNames = b.attributes()
			.stream()
			.map(CompositeType.Attribute::name)
			.collect(Collectors.toCollection(LinkedHashSet::new));
		List<String> expectedOrder = new ArrayList<>(oldNames);
		expectedOrder.retainAll(newNames);
		newNames.stream().filter((n) -> !oldNames.contains(n)).forEach(expectedOrder::add);
		if (!expectedOrder.equals(new ArrayList<>(newNames))) {
			return null;
		}
		String key = a.key();
		String name = a.name().sql();
		List<Change> changes = new ArrayList<>();
		for (CompositeType.Attribute attribute : b.attributes()) {
			if (!newNames.contains(attribute.name())) {
				changes.add(Change.destructive(key,
						"ALTER TYPE %s DROP ATTRIBUTE %s".formatted(name, Sql.ident(attribute.name())),
						"drops attribute %s of type %s".formatted(attribute.name(), a.name())));
			}
		}
		for (CompositeType.Attribute attribute : a.attributes()) {
			CompositeType.Attribute previous = b.attributes()
				.stream()
				.filter((x) -> x.name().equals(attribute.name()))
				.findFirst()
				.orElse(null);
			if (previous == null) {
				changes.add(Change.of(key, "ALTER TYPE %s ADD ATTRIBUTE %s".formatted(name, Ddl.attribute(attribute))));
			}
			else if (!previous.equals(attribute)) {
				String collation = (attribute.collation() != null) ? " COLLATE " + attribute.collation() : "";
				changes.add(Change.of(key, "ALTER TYPE %s ALTER ATTRIBUTE %s TYPE %s%s".formatted(name,
						Sql.ident(attribute.name()), attribute.type(), collation)));
			}
		}
		if (!Objects.equals(b.comment(), a.comment())) {
			changes.add(Change.of(key, Ddl.comment(a, a.comment())));
		}
		return Alteration.of(changes);
	}

	private static List<Change> sequence(Sequence b, Sequence a) {
		List<String> options = new ArrayList<>();
		if (!b.type().equals(a.type())) {
			options.add("AS " + a.type());
		}
		if (b.increment() != a.increment()) {
			options.add("INCREMENT BY " + a.increment());
		}
		if (b.minValue() != a.minValue()) {
			options.add("MINVALUE " + a.minValue());
		}
		if (b.maxValue() != a.maxValue()) {
			options.add("MAXVALUE " + a.maxValue());
		}
		if (b.start() != a.start()) {
			options.add("START WITH " + a.start());
		}
		if (b.cache() != a.cache()) {
			options.add("CACHE " + a.cache());
		}
		if (b.cycle() != a.cycle()) {
			options.add(a.cycle() ? "CYCLE" : "NO CYCLE");
		}
		List<Change> changes = new ArrayList<>();
		if (!options.isEmpty()) {
			changes
				.add(Change.of(a.key(), "ALTER SEQUENCE %s %s".formatted(a.name().sql(), String.join(" ", options))));
		}
		if (!Objects.equals(b.comment(), a.comment())) {
			changes.add(Change.of(a.key(), Ddl.comment(a, a.comment())));
		}
		return changes;
	}

}
