package io.github.migrations.core.script;

import java.util.List;
import java.util.Set;

import io.github.migrations.core.api.JavaRevision;
import io.github.migrations.core.api.ScriptLocation;
import io.github.migrations.core.revision.Revision;
import io.github.migrations.core.revision.RevisionId;
import org.jspecify.annotations.Nullable;

/**
 * A {@link JavaRevision} seen as a script of the graph.
 */
public record JavaRevisionScript(Revision revision, JavaRevision migration) implements Script {

	public static JavaRevisionScript of(JavaRevision migration) {
		String source = migration.getClass().getName();
		RevisionId id;
		List<RevisionId> parents;
		try {
			id = RevisionId.of(migration.id());
			parents = migration.downRevisions().stream().map(RevisionId::of).toList();
		}
		catch (IllegalArgumentException ex) {
			throw new ScriptException(ScriptLocation.at(source, 0), ex.getMessage(),
					"Fix the value returned by the class's id() or downRevisions().");
		}
		Revision revision = new Revision(id, parents, Set.copyOf(migration.branchLabels()),
				List.copyOf(migration.dependsOn()), migration.message(), source);
		return new JavaRevisionScript(revision, migration);
	}

	@Override
	public String source() {
		return this.revision.source();
	}

	@Override
	public @Nullable String checksum() {
		return this.migration.checksum();
	}

	@Override
	public boolean transactional() {
		return this.migration.transactional();
	}

}
