package io.github.migrations.autoconfigure.jpa;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Spring Data JPA's view of the migrated {@code customers} table.
 */
public interface CustomerRepository extends JpaRepository<Customer, Long> {

}
