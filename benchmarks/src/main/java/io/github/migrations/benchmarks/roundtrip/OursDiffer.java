package io.github.migrations.benchmarks.roundtrip;

import java.sql.Connection;

import io.github.migrations.benchmarks.PostgresServer;
import io.github.migrations.schema.DatabaseSchema;
import io.github.migrations.schema.DiffOptions;
import io.github.migrations.schema.SchemaDiffer;
import io.github.migrations.schema.SchemaFilter;
import io.github.migrations.schema.SchemaReader;

/**
 * Our differ ({@code migrations-schema}) as {@code migrations diff --from --to} uses it:
 * both catalogs read with {@link SchemaReader} (every user schema), the changes from
 * {@link SchemaDiffer} with default options, rendered as the psql script. A script with
 * only {@code -- UNSUPPORTED:} notes still counts as a difference, since the differ saw
 * one it could not express.
 */
final class OursDiffer implements Differ {

	private final PostgresServer server;

	OursDiffer(PostgresServer server) {
		this.server = server;
	}

	@Override
	public String name() {
		return "ours";
	}

	@Override
	public String diff(String from, String to) throws Exception {
		DatabaseSchema source;
		DatabaseSchema target;
		try (Connection connection = this.server.connect(from)) {
			source = SchemaReader.read(connection, SchemaFilter.allSchemas());
		}
		try (Connection connection = this.server.connect(to)) {
			target = SchemaReader.read(connection, SchemaFilter.allSchemas());
		}
		return SchemaDiffer.diff(source, target, DiffOptions.defaults()).script();
	}

	@Override
	public boolean isEmpty(String script) {
		return script.isBlank();
	}

}
