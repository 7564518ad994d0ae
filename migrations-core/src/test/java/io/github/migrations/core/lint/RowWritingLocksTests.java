package io.github.migrations.core.lint;

import io.github.migrations.core.script.SqlStatement;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The table that a statement writing rows locks, as lint, the {@code --sql} review script
 * and the lock-holder lookup read it.
 */
class RowWritingLocksTests {

	@Test
	void deleteLocksTheTableItDeletesFromInEveryForm() {
		assertThat(locks("DELETE FROM users WHERE id > 5")).isEqualTo("ROW EXCLUSIVE on users");
		assertThat(locks("DELETE FROM ONLY users WHERE id > 5")).isEqualTo("ROW EXCLUSIVE on users");
		assertThat(locks("DELETE FROM public.users AS u WHERE u.id > 5")).isEqualTo("ROW EXCLUSIVE on public.users");
		assertThat(locks("DELETE FROM users u USING orders o WHERE o.user_id = u.id"))
			.isEqualTo("ROW EXCLUSIVE on users");
		assertThat(locks("delete from \"users\"")).isEqualTo("ROW EXCLUSIVE on users");
	}

	@Test
	void updateAndDeleteAfterAWithClauseLockTheirTable() {
		assertThat(locks("WITH x AS (SELECT 1) UPDATE users SET status = 'z'")).isEqualTo("ROW EXCLUSIVE on users");
		assertThat(locks("WITH RECURSIVE x (n) AS MATERIALIZED (SELECT 1), y AS (SELECT 2) DELETE FROM users"))
			.isEqualTo("ROW EXCLUSIVE on users");
	}

	@Test
	void aDataModifyingWithClauseLocksTheTablesItWrites() {
		assertThat(locks("WITH gone AS (DELETE FROM users WHERE id > 5 RETURNING id) "
				+ "INSERT INTO archive SELECT id FROM gone"))
			.isEqualTo("ROW EXCLUSIVE on archive, ROW EXCLUSIVE on users");
		assertThat(locks("WITH moved AS (UPDATE users SET status = 'z' RETURNING id) SELECT count(*) FROM moved"))
			.isEqualTo("ROW EXCLUSIVE on users");
	}

	@Test
	void insertMergeTruncateAndCopyFromLockTheTableTheyWrite() {
		assertThat(locks("INSERT INTO users (id) VALUES (1)")).isEqualTo("ROW EXCLUSIVE on users");
		assertThat(locks("MERGE INTO users u USING incoming i ON u.id = i.id WHEN MATCHED THEN DELETE"))
			.isEqualTo("ROW EXCLUSIVE on users");
		assertThat(locks("TRUNCATE TABLE ONLY users, orders RESTART IDENTITY"))
			.isEqualTo("ACCESS EXCLUSIVE on users, ACCESS EXCLUSIVE on orders");
		assertThat(locks("COPY users (id) FROM '/srv/users.csv' (FORMAT csv)")).isEqualTo("ROW EXCLUSIVE on users");
		assertThat(locks("COPY users TO '/srv/users.csv'")).isEmpty();
	}

	private static String locks(String sql) {
		return String.join(", ", Linter.locks(new SqlStatement(sql, 1)).stream().map(LockOn::toString).toList());
	}

}
