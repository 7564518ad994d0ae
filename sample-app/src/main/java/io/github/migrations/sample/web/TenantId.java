package io.github.migrations.sample.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;

/**
 * A tenant id as the API accepts it: a slug such as {@code acme} or {@code globex-eu}.
 */
@Documented
@Constraint(validatedBy = {})
@Pattern(regexp = "[a-z0-9][a-z0-9-]{0,63}")
@ReportAsSingleViolation
@Target({ ElementType.PARAMETER, ElementType.FIELD })
@Retention(RetentionPolicy.RUNTIME)
public @interface TenantId {

	String message() default "must be 1 to 64 lower-case letters, digits or '-', starting with a letter or digit";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
