package io.github.migrations.autoconfigure.jpa;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * An application as the Spring guides write one, with a Spring Data JPA repository over
 * the {@link Customer} entity.
 */
@SpringBootApplication
public class JpaSliceApplication {

}
