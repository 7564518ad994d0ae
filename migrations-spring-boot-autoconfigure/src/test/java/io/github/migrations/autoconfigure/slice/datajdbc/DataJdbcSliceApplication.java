package io.github.migrations.autoconfigure.slice.datajdbc;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * An application as the Spring guides write one, with a Spring Data JDBC repository.
 */
@SpringBootApplication
public class DataJdbcSliceApplication {

}
