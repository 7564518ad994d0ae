package io.github.migrations.sample.statement;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Salary analyses, newest first, optionally of one user.
 */
@RestController
final class AnalysisController {

	private final JdbcClient jdbc;

	AnalysisController(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@GetMapping("/api/analyses")
	List<Analysis> list(@RequestParam(required = false) @Nullable @Size(min = 1, max = 255) String userId,
			@RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
		return this.jdbc.sql("""
				SELECT id, user_id, file_name, bank_name, statement_start, statement_end, detected_salary, currency,
					employer_name, confidence, transactions_analyzed, created_at
				FROM analyses
				WHERE CAST(:userId AS varchar) IS NULL OR user_id = :userId
				ORDER BY created_at DESC, id
				LIMIT :limit""").param("userId", userId).param("limit", limit).query(Analysis.class).list();
	}

}
