package io.github.migrations.cli.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A customer, as an application's entity declares it.
 */
@Entity
@Table(name = "customers")
public class Customer {

	@Id
	Long id;

	@Column(nullable = false)
	String name;

	@Column(length = 200)
	String email;

}
