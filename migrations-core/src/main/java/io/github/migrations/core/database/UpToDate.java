package io.github.migrations.core.database;

import java.util.List;

/**
 * What the last check that found nothing to do recorded, while the applied set it read is
 * unchanged.
 *
 * @param fingerprint the fingerprint of what that check depended on
 * @param heads the revisions the database was at
 */
public record UpToDate(String fingerprint, List<String> heads) {

	public UpToDate {
		heads = List.copyOf(heads);
	}

}
