package io.github.migrations.autoconfigure.slice.datajdbc;

import java.util.List;

import org.springframework.data.repository.ListCrudRepository;

/**
 * Spring Data JDBC's view of the migrated {@code customers} table.
 */
public interface CustomerRepository extends ListCrudRepository<Customer, Long> {

	List<Customer> findAllByOrderByIdAsc();

}
