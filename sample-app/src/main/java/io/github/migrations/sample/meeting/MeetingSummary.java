package io.github.migrations.sample.meeting;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A meeting with how many take part and how many of its action items are still open.
 */
record MeetingSummary(UUID id, String title, String organizerEmail, OffsetDateTime startsAt,
		@Nullable OffsetDateTime endsAt, String status, long participants, long openActionItems) {

}
