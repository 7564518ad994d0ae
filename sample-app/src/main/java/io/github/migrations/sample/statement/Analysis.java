package io.github.migrations.sample.statement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A bank statement's salary analysis: one row of {@code analyses}.
 */
record Analysis(UUID id, String userId, String fileName, @Nullable String bankName, @Nullable LocalDate statementStart,
		@Nullable LocalDate statementEnd, @Nullable BigDecimal detectedSalary, String currency,
		@Nullable String employerName, String confidence, int transactionsAnalyzed, OffsetDateTime createdAt) {

}
