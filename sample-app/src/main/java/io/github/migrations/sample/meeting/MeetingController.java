package io.github.migrations.sample.meeting;

import java.util.List;

import io.github.migrations.sample.web.TenantId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A tenant's meetings, in the order they start.
 */
@RestController
final class MeetingController {

	private final JdbcClient jdbc;

	MeetingController(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@GetMapping("/api/tenants/{tenantId}/meetings")
	List<MeetingSummary> list(@PathVariable @TenantId String tenantId) {
		return this.jdbc.sql("""
				SELECT m.id, m.title, m.organizer_email, m.starts_at, m.ends_at, m.status,
					(SELECT count(*) FROM meeting_participants p WHERE p.meeting_id = m.id) AS participants,
					(SELECT count(*) FROM meeting_action_items a
						WHERE a.meeting_id = m.id AND a.status IN ('open', 'in_progress')) AS open_action_items
				FROM meetings m
				WHERE m.tenant_id = :tenantId
				ORDER BY m.starts_at""").param("tenantId", tenantId).query(MeetingSummary.class).list();
	}

}
