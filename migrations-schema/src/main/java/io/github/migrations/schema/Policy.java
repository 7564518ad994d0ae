package io.github.migrations.schema;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A row-level security policy.
 *
 * @param table the table it is on
 * @param name its name
 * @param permissive {@code PERMISSIVE} (else {@code RESTRICTIVE})
 * @param command {@code ALL}, {@code SELECT}, {@code INSERT}, {@code UPDATE} or
 * {@code DELETE}
 * @param roles the roles it applies to, as SQL names them ({@code public} for all)
 * @param using its {@code USING} expression, or {@code null}
 * @param check its {@code WITH CHECK} expression, or {@code null}
 * @param comment its comment, or {@code null}
 */
public record Policy(QualifiedName table, String name, boolean permissive, String command, List<String> roles,
		@Nullable String using, @Nullable String check, @Nullable String comment) implements SchemaObject {

	public Policy {
		roles = List.copyOf(roles);
	}

	@Override
	public String key() {
		return "policy " + this.table + "." + this.name;
	}

}
