package io.github.migrations.autoconfigure.slice.datajdbc;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A row of the {@code customers} table that revision 001 creates.
 *
 * @param id the id
 * @param name the name
 */
@Table("customers")
public record Customer(@Id Long id, String name) {

}
