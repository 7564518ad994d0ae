package io.github.migrations.autoconfigure;

import org.jspecify.annotations.Nullable;

/**
 * {@link MigrationsConnectionDetails} read from {@code app.migrations.url},
 * {@code username} and {@code password}.
 */
final class PropertiesMigrationsConnectionDetails implements MigrationsConnectionDetails {

	private final MigrationsProperties properties;

	PropertiesMigrationsConnectionDetails(MigrationsProperties properties) {
		this.properties = properties;
	}

	@Override
	public @Nullable String getJdbcUrl() {
		return this.properties.getUrl();
	}

	@Override
	public @Nullable String getUsername() {
		return this.properties.getUsername();
	}

	@Override
	public @Nullable String getPassword() {
		return this.properties.getPassword();
	}

}
