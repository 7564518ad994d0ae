package io.github.migrations.autoconfigure.slice.jdbc;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * An application as the Spring guides write one, found by {@code @JdbcTest}.
 */
@SpringBootApplication
public class JdbcSliceApplication {

}
