package io.github.migrations.cli.jpa;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * An order, which belongs to a customer.
 */
@Entity
@Table(name = "orders")
public class PurchaseOrder {

	@Id
	Long id;

	@ManyToOne(optional = false)
	Customer customer;

}
