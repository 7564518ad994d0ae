package io.github.migrations.core;

/**
 * The facade of the engine (work in progress).
 */
public final class Migrator {

	private Migrator() {
	}

	/**
	 * Builds a {@link Migrator}.
	 */
	public static final class Builder {

		/**
		 * Adds revisions written in Java to the graph.
		 */
		public Builder javaRevisions(JavaRevision... revisions) {
			return this;
		}

	}

}
