package io.github.migrations.autoconfigure.jpa;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Maps the {@code customers} table that revision 001 creates, so that Hibernate's schema
 * validation fails unless the migrations ran first.
 */
@Entity
@Table(name = "customers")
public class Customer {

	@Id
	private Long id;

	private String name;

	public Long getId() {
		return this.id;
	}

	public String getName() {
		return this.name;
	}

}
