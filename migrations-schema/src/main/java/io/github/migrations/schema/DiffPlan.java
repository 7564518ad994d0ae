package io.github.migrations.schema;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import io.github.migrations.schema.Node.ColumnPart;
import io.github.migrations.schema.Node.OwnerPart;
import io.github.migrations.schema.Renames.Renamed;
import io.github.migrations.schema.Table.Column;
import org.jspecify.annotations.Nullable;

/**
 * One diff: which units are dropped, created, recreated and altered, and the order of
 * their statements ({@link ActionOrder}).
 */
final class DiffPlan {

	/**
	 * What must make way while a column's type changes: among them the generated columns
	 * that read it, which PostgreSQL refuses to keep over the change.
	 */
	private static final List<String> AROUND_COLUMN = List.of("view ", "trigger ", "policy ", "default ", "column ");

	/**
	 * What holds results of a function whose body changes: the indexes over it and the
	 * generated columns that call it (views, defaults, checks and triggers call it
	 * afresh).
	 */
	private static final List<String> AROUND_FUNCTION = List.of("index ", "column ");

	private static final List<String> AROUND_TYPE = List.of("view ", "trigger ", "policy ", "default ", "constraint ",
			"index ", "function ");

	private final NodeGraph from;

	private final NodeGraph to;

	private final DiffOptions options;

	private final Set<String> rebuiltEnums;

	private final List<Renamed> renamed;

	private final Map<String, String> fromUnsupported;

	private final Map<String, String> toUnsupported;

	private final Set<String> dropped = new TreeSet<>();

	private final Set<String> created = new TreeSet<>();

	private final Set<String> recreated = new TreeSet<>();

	private final Map<String, Alteration> altered = new LinkedHashMap<>();

	private final Map<String, Set<String>> aroundDependents = new HashMap<>();

	private final List<String> unsupported = new ArrayList<>();

	/**
	 * @param rebuiltEnums the keys of the enum types that gain values, to rebuild with
	 * them rather than add them in place (see
	 * {@link DiffOptions#enumValuesInTransaction})
	 */
	DiffPlan(NodeGraph from, NodeGraph to, DiffOptions options, Set<String> rebuiltEnums, List<Renamed> renamed,
			Map<String, String> fromUnsupported, Map<String, String> toUnsupported) {
		this.from = from;
		this.to = to;
		this.options = options;
		this.rebuiltEnums = rebuiltEnums;
		this.renamed = renamed;
		this.fromUnsupported = fromUnsupported;
		this.toUnsupported = toUnsupported;
	}

	SchemaChanges changes() {
		classify();
		propagate();
		noteUnsupported();
		ActionOrder order = new ActionOrder();
		Map<String, ActionOrder.Action> drops = new HashMap<>();
		Map<String, ActionOrder.Action> creates = new HashMap<>();
		Map<String, ActionOrder.Action> alters = new HashMap<>();
		for (String key : union(this.dropped, this.recreated)) {
			if (impliedDrop(key) == null) {
				Node node = this.from.node(key);
				Change drop = (this.options.concurrentIndexes() && node.model() instanceof Index index
						&& keepsTable(index)) ? Ddl.dropIndexConcurrently(index) : Ddl.drop(node);
				drops.put(key, order.add(0, -node.rank(), node.sortKey(), List.of(drop)));
			}
		}
		for (String key : union(this.created, this.recreated)) {
			if (impliedCreate(key) == null) {
				Node node = this.to.node(key);
				boolean existing = isExistingTable(node);
				// PostgreSQL builds no partitioned table's index CONCURRENTLY
				Ddl.CreateContext context = new Ddl.CreateContext(
						this.options.concurrentIndexes() && existing && !onPartitionedTable(node),
						this.options.notValidConstraints() && existing);
				List<Change> statements = new ArrayList<>(Ddl.create(node, context));
				if (node.model() instanceof ColumnPart part && requiresAValue(part)) {
					// fails on the first row: PostgreSQL fills the new column with NULL
					statements.set(0, statements.get(0)
						.withReview(
								("adds NOT NULL column %s.%s without a default to an existing table, which fails if "
										+ "it holds rows; give it a DEFAULT, or add it nullable, fill it, then SET NOT NULL")
									.formatted(part.table().name(), part.column().name())));
				}
				if (node.model() instanceof OwnerPart owner && ownsExistingColumn(owner.sequence())) {
					statements.add(Change.of(key, Ddl.continueAfterLargest(owner.sequence())));
				}
				if (this.recreated.contains(key)) {
					// dropped and created again: the privileges it had come back with it
					this.from.grantsOf(key).forEach((grant) -> statements.add(Change.of(key, grant)));
				}
				creates.put(key, order.add(1, node.rank(), node.sortKey(), statements));
			}
		}
		for (Map.Entry<String, Alteration> entry : this.altered.entrySet()) {
			alters.put(entry.getKey(), order.add(1, this.to.node(entry.getKey()).rank(),
					this.to.node(entry.getKey()).sortKey(), entry.getValue().changes()));
		}
		// a rename is an action of its own, in the hints' order, ahead of every statement
		// that names the renamed unit by its new name
		Map<String, ActionOrder.Action> renames = new HashMap<>();
		ActionOrder.Action previous = null;
		for (Renamed rename : this.renamed) {
			ActionOrder.Action action = order.add(-1, 0, "", List.of(rename.change()));
			order.edge(previous, action);
			previous = action;
			renames.put(rename.key(), action);
		}
		Resolver resolve = new Resolver(drops, creates, alters);
		edges(order, resolve);
		for (String key : this.from.nodes().keySet()) {
			for (Map.Entry<String, ActionOrder.Action> rename : renames.entrySet()) {
				if (key.equals(rename.getKey()) || this.from.dependenciesOf(key).contains(rename.getKey())
						|| this.from.node(key).dropsWith().contains(rename.getKey())) {
					order.edge(rename.getValue(), isDropped(key) ? resolve.drop(key) : null);
					order.edge(rename.getValue(), alters.get(key));
				}
			}
		}
		for (Renamed rename : this.renamed) {
			ActionOrder.Action action = renames.get(rename.key());
			for (String key : union(this.dropped, this.recreated)) {
				if (this.from.node(key).slot().equals(rename.takes())) {
					order.edge(resolve.drop(key), action);
				}
			}
			for (String key : union(this.created, this.recreated)) {
				if (this.to.node(key).slot().equals(rename.frees())) {
					order.edge(action, resolve.create(key));
				}
			}
		}
		guessRenames(drops, creates);
		List<Change> changes = new ArrayList<>();
		for (ActionOrder.Action action : order.sorted(this.unsupported)) {
			changes.addAll(action.changes());
		}
		markNewEnumValuesUsedBelow(changes);
		if (changes.stream().anyMatch((change) -> change.object().startsWith("function "))) {
			changes.add(0, Change.of("session", "SET check_function_bodies = false"));
		}
		return new SchemaChanges(changes, this.unsupported);
	}

	/**
	 * PostgreSQL refuses to use an enum value in the transaction that adds it: an
	 * {@code ADD VALUE} whose value a later statement names runs outside a transaction.
	 */
	private static void markNewEnumValuesUsedBelow(List<Change> changes) {
		for (int i = 0; i < changes.size(); i++) {
			Change change = changes.get(i);
			int at = change.sql().indexOf(" ADD VALUE '");
			if (!change.sql().startsWith("ALTER TYPE ") || at < 0) {
				continue;
			}
			String rest = change.sql().substring(at + " ADD VALUE ".length());
			int end = rest.indexOf("' BEFORE ");
			String literal = (end >= 0) ? rest.substring(0, end + 1) : rest;
			for (Change later : changes.subList(i + 1, changes.size())) {
				if (!later.sql().startsWith("ALTER TYPE ") && later.sql().contains(literal)) {
					changes.set(i, change.nonTransactional()
						.withReview("value %s is used below, which PostgreSQL refuses in the transaction that adds it"
							.formatted(literal)));
					break;
				}
			}
		}
	}

	private void classify() {
		for (String key : this.from.nodes().keySet()) {
			if (!this.to.contains(key)) {
				this.dropped.add(key);
			}
		}
		for (String key : this.to.nodes().keySet()) {
			if (!this.from.contains(key)) {
				this.created.add(key);
				continue;
			}
			Node old = this.from.node(key);
			Node now = this.to.node(key);
			if (Objects.equals(old.definition(), now.definition()) || isInherited(old) || isInherited(now)) {
				continue;
			}
			Alteration alteration = (this.rebuiltEnums.contains(key) && old.model() instanceof EnumType b
					&& now.model() instanceof EnumType a)
							? EnumChanges.withValuesInTransaction(b, a, this.from, this.to)
							: Alterations.alter(old, now, this.from, this.to);
			if (alteration == null) {
				this.recreated.add(key);
			}
			else if (!alteration.changes().isEmpty() || !alteration.unsupported().isEmpty()) {
				this.altered.put(key, alteration);
				this.unsupported.addAll(alteration.unsupported());
			}
		}
		for (Renamed rename : this.renamed) {
			if (!this.to.contains(rename.key())) {
				continue;
			}
			this.recreated.remove(rename.key());
			this.altered.putIfAbsent(rename.key(), Alteration.of(List.of()));
		}
	}

	/**
	 * Adds to the recreated units what depends on a recreated unit, and what must make
	 * way for an alteration.
	 */
	private void propagate() {
		boolean grew = true;
		while (grew) {
			grew = false;
			// a copy: a dependent that is altered too (a column's changed default) is
			// recreated instead, which takes it out of the altered units
			for (Map.Entry<String, Alteration> entry : new ArrayList<>(this.altered.entrySet())) {
				for (String around : entry.getValue().around()) {
					List<String> kinds = around.startsWith("type ") ? AROUND_TYPE
							: around.startsWith("function ") ? AROUND_FUNCTION : AROUND_COLUMN;
					for (String dependent : this.from.dependentsOf(around)) {
						if (this.altered.containsKey(entry.getKey())
								&& kinds.stream().anyMatch(dependent::startsWith)) {
							this.aroundDependents.computeIfAbsent(entry.getKey(), (k) -> new TreeSet<>())
								.add(dependent);
							grew |= recreate(dependent);
						}
					}
				}
			}
			for (String key : union(this.dropped, this.recreated)) {
				// what depends on a unit that goes away must go first, and come back
				// after
				for (String dependent : this.from.dependentsOf(key)) {
					if (!leavesIt(dependent, key)) {
						grew |= recreate(dependent);
					}
				}
				if (!this.recreated.contains(key)) {
					continue;
				}
				for (Node node : this.from.nodes().values()) {
					if (node.dropsWith().contains(key)) {
						grew |= recreate(node.key());
					}
				}
			}
		}
	}

	/**
	 * Whether a column that uses a type or a column going away is altered off it (its
	 * type or its generation expression changed in place, before the other is dropped)
	 * rather than dropped and added again, which would move it to the end of its table.
	 */
	private boolean leavesIt(String dependent, String gone) {
		return dependent.startsWith("column ") && (gone.startsWith("type ") || gone.startsWith("column "))
				&& this.altered.containsKey(dependent) && !this.to.dependenciesOf(dependent).contains(gone);
	}

	private boolean recreate(String key) {
		if (!this.to.contains(key) || this.recreated.contains(key) || !this.from.contains(key)) {
			return false;
		}
		if (key.startsWith("owner ")) {
			return false;
		}
		this.recreated.add(key);
		Alteration alteration = this.altered.remove(key);
		if (alteration != null && !alteration.around().isEmpty()) {
			this.aroundDependents.remove(key);
		}
		return true;
	}

	private void noteUnsupported() {
		for (String name : union(this.fromUnsupported.keySet(), this.toUnsupported.keySet())) {
			String before = this.fromUnsupported.get(name);
			String after = this.toUnsupported.get(name);
			if (after == null) {
				this.unsupported
					.add("%s exists only in the schema diffed from; not dropped: drop it by hand if it must go"
						.formatted(name));
			}
			else if (before == null) {
				this.unsupported.add("%s (%s) exists only in the target schema; not created: create it by hand"
					.formatted(name, oneLine(after)));
			}
			else if (!before.equals(after)) {
				this.unsupported.add("%s differs (%s, then %s); not changed: change it by hand".formatted(name,
						oneLine(before), oneLine(after)));
			}
		}
	}

	private static String oneLine(String text) {
		return text.replaceAll("\\s+", " ").strip();
	}

	/**
	 * Whether an ascending sequence is owned by a column that exists before the diff and
	 * stays, whose values it must then continue after.
	 */
	private boolean ownsExistingColumn(Sequence sequence) {
		String column = "column " + sequence.ownedBy();
		return sequence.increment() > 0 && this.from.contains(column) && !isDropped(column);
	}

	private boolean requiresAValue(ColumnPart part) {
		Table.Column column = part.column();
		String table = part.table().key();
		return column.notNull() && column.defaultValue() == null && column.generated() == null
				&& column.identity() == null && part.table().partitionOf() == null && this.from.contains(table)
				&& !this.recreated.contains(table);
	}

	private boolean isExistingTable(Node node) {
		Object model = node.model();
		String table = null;
		if (model instanceof Index i) {
			table = "table " + i.table();
		}
		else if (model instanceof Constraint c) {
			table = "table " + c.table();
		}
		return table != null && this.from.contains(table) && !this.recreated.contains(table);
	}

	/**
	 * Whether the index's table is a plain table that stays, neither dropped nor created
	 * again: writes go on to it while the index is dropped, so {@code --concurrently}
	 * drops it {@code CONCURRENTLY} (which PostgreSQL refuses for a partitioned table's
	 * index).
	 */
	private boolean keepsTable(Index index) {
		String table = "table " + index.table();
		return this.from.contains(table) && this.to.contains(table) && !this.dropped.contains(table)
				&& !this.recreated.contains(table) && this.from.node(table).model() instanceof Table t
				&& t.partitionKey() == null;
	}

	private boolean onPartitionedTable(Node node) {
		return node.model() instanceof Index index && this.to.contains("table " + index.table())
				&& this.to.node("table " + index.table()).model() instanceof Table table
				&& table.partitionKey() != null;
	}

	/**
	 * The unit whose drop drops this one too, or {@code null} when it is dropped by its
	 * own statement.
	 */
	private @Nullable String impliedDrop(String key) {
		if (isInherited(this.from.node(key))) {
			return inheritedParent(this.from.node(key), this.dropped);
		}
		for (String parent : this.from.node(key).dropsWith()) {
			if (this.dropped.contains(parent) || this.recreated.contains(parent)) {
				return parent;
			}
		}
		return null;
	}

	private @Nullable String impliedCreate(String key) {
		if (isInherited(this.to.node(key))) {
			return inheritedParent(this.to.node(key), this.created);
		}
		String parent = this.to.node(key).createdWith();
		return (parent != null && (this.created.contains(parent) || this.recreated.contains(parent))) ? parent : null;
	}

	private void edges(ActionOrder order, Resolver resolve) {
		for (String key : this.from.nodes().keySet()) {
			ActionOrder.Action drop = isDropped(key) ? resolve.drop(key) : null;
			ActionOrder.Action alter = this.altered.containsKey(key) ? resolve.alters.get(key) : null;
			for (String on : this.from.dependenciesOf(key)) {
				ActionOrder.Action dropOn = isDropped(on) ? resolve.drop(on) : null;
				ActionOrder.Action alterOn = this.altered.containsKey(on) ? resolve.alters.get(on) : null;
				if (drop != null) {
					order.edge(drop, dropOn);
					order.edge(drop, alterOn);
				}
				if (alter != null && !this.to.dependenciesOf(key).contains(on)) {
					order.edge(alter, dropOn);
					order.edge(alter, alterOn);
				}
			}
		}
		for (String key : this.to.nodes().keySet()) {
			ActionOrder.Action make = isCreated(key) ? resolve.create(key) : resolve.alters.get(key);
			if (make == null) {
				continue;
			}
			for (String on : this.to.dependenciesOf(key)) {
				ActionOrder.Action makeOn = isCreated(on) ? resolve.create(on) : resolve.alters.get(on);
				order.edge(makeOn, make);
			}
		}
		for (String key : this.recreated) {
			order.edge(resolve.drop(key), resolve.create(key));
		}
		// serial to identity: the old sequence goes before the identity comes (found by
		// its column); back: the identity goes before a new sequence takes its name
		for (Node node : this.from.nodes().values()) {
			ActionOrder.Action alter = alterOfOwner(node, resolve.alters);
			if (alter != null && isDropped(node.key())) {
				order.edge(resolve.drop(node.key()), alter);
			}
		}
		for (Node node : this.to.nodes().values()) {
			ActionOrder.Action alter = alterOfOwner(node, resolve.alters);
			if (alter != null && isCreated(node.key())) {
				order.edge(alter, resolve.create(node.key()));
			}
		}
		for (Map.Entry<String, Set<String>> entry : this.aroundDependents.entrySet()) {
			ActionOrder.Action alter = resolve.alters.get(entry.getKey());
			for (String dependent : entry.getValue()) {
				if (isDropped(dependent)) {
					order.edge(resolve.drop(dependent), alter);
				}
				if (isCreated(dependent)) {
					order.edge(alter, resolve.create(dependent));
				}
			}
		}
		Map<String, List<ActionOrder.Action>> freed = new HashMap<>();
		for (String key : union(this.dropped, this.recreated)) {
			freed.computeIfAbsent(this.from.node(key).slot(), (s) -> new ArrayList<>()).add(resolve.drop(key));
		}
		for (String key : union(this.created, this.recreated)) {
			for (ActionOrder.Action drop : freed.getOrDefault(this.to.node(key).slot(), List.of())) {
				order.edge(drop, resolve.create(key));
			}
		}
	}

	/**
	 * For a sequence owned by a column that is altered, that alteration; else
	 * {@code null}.
	 */
	private static ActionOrder.@Nullable Action alterOfOwner(Node node, Map<String, ActionOrder.Action> alters) {
		return (node.model() instanceof Sequence s && s.ownedBy() != null) ? alters.get("column " + s.ownedBy()) : null;
	}

	/**
	 * What creates or drops a partition's column: its table, its parent's column, or
	 * (when the partition is attached or detached) nothing; never a statement of its own.
	 */
	private String inheritedParent(Node column, Set<String> changed) {
		ColumnPart part = (ColumnPart) column.model();
		String table = part.table().key();
		String parentColumn = "column " + part.table().partitionOf() + "." + part.column().name();
		if (changed.contains(table) || this.recreated.contains(table)) {
			return table;
		}
		return (changed.contains(parentColumn) || this.recreated.contains(parentColumn)) ? parentColumn : table;
	}

	private static boolean isInherited(Node node) {
		return node.model() instanceof ColumnPart column && column.inherited();
	}

	private boolean isDropped(String key) {
		return this.dropped.contains(key) || this.recreated.contains(key);
	}

	private boolean isCreated(String key) {
		return this.created.contains(key) || this.recreated.contains(key);
	}

	/**
	 * Notes a dropped and a created table (or column) of the same shape as a possible
	 * rename.
	 */
	private void guessRenames(Map<String, ActionOrder.Action> drops, Map<String, ActionOrder.Action> creates) {
		for (String gone : this.dropped) {
			ActionOrder.Action drop = drops.get(gone);
			if (drop == null) {
				continue;
			}
			Object model = this.from.node(gone).model();
			for (String made : this.created) {
				ActionOrder.Action create = creates.get(made);
				if (create == null) {
					continue;
				}
				Object other = this.to.node(made).model();
				String hint = null;
				if (model instanceof Table a && other instanceof Table b && a.partitionOf() == null
						&& a.name().schema().equals(b.name().schema()) && shape(a).equals(shape(b))) {
					hint = "table:%s=%s".formatted(a.name(), b.name());
				}
				else if (model instanceof ColumnPart a && other instanceof ColumnPart b
						&& a.table().name().equals(b.table().name()) && shape(a.column()).equals(shape(b.column()))) {
					hint = "column:%s.%s=%s.%s".formatted(a.table().name(), a.column().name(), a.table().name(),
							b.column().name());
				}
				if (hint != null) {
					String from = gone.substring(gone.indexOf(' ') + 1);
					String to = made.substring(made.indexOf(' ') + 1);
					String note = "rename of %s to %s? If so, diff again with the rename hint %s".formatted(from, to,
							hint);
					drop.review(note);
					create.review(note);
				}
			}
		}
	}

	private static List<Object> shape(Table table) {
		List<Object> shape = new ArrayList<>();
		table.columns().forEach((column) -> shape.add(shape(column)));
		return shape;
	}

	private static List<Object> shape(Column column) {
		return java.util.Arrays.asList(column.type(), column.collation(), column.notNull(), column.defaultValue(),
				column.generated(), column.identity(), column.identitySequence());
	}

	private static Set<String> union(Set<String> a, Set<String> b) {
		Set<String> union = new LinkedHashSet<>(a);
		union.addAll(b);
		return union;
	}

	/**
	 * Finds the action that performs a unit's drop or create, following implied ones to
	 * the statement that does it (a column's drop is its table's).
	 */
	private final class Resolver {

		private final Map<String, ActionOrder.Action> drops;

		private final Map<String, ActionOrder.Action> creates;

		private final Map<String, ActionOrder.Action> alters;

		Resolver(Map<String, ActionOrder.Action> drops, Map<String, ActionOrder.Action> creates,
				Map<String, ActionOrder.Action> alters) {
			this.drops = drops;
			this.creates = creates;
			this.alters = alters;
		}

		ActionOrder.Action drop(String key) {
			String current = key;
			String parent = impliedDrop(current);
			while (parent != null) {
				current = parent;
				parent = impliedDrop(current);
			}
			return this.drops.get(current);
		}

		ActionOrder.Action create(String key) {
			String current = key;
			String parent = impliedCreate(current);
			while (parent != null) {
				current = parent;
				parent = impliedCreate(current);
			}
			return this.creates.get(current);
		}

	}

}
