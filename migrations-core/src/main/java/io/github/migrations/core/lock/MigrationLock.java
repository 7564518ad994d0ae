package io.github.migrations.core.lock;

/**
 * A lock that keeps two instances from migrating one database at once; closing releases
 * it.
 */
public interface MigrationLock extends AutoCloseable {

	@Override
	void close();

}
