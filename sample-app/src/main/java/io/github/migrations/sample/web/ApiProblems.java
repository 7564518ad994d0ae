package io.github.migrations.sample.web;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The API's own client errors, as RFC 9457 problem details.
 */
public final class ApiProblems {

	private ApiProblems() {
	}

	/**
	 * A 400 naming the field that is wrong and what it should be.
	 */
	public static ErrorResponseException badRequest(String field, String message) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"'%s' %s.".formatted(field, message));
		problem.setTitle("Invalid request");
		problem.setProperty("errors", List.of(error(field, message)));
		return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
	}

	/**
	 * A 409: the request is valid but clashes with what is stored.
	 */
	public static ErrorResponseException conflict(String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail);
		problem.setTitle("Conflict");
		return new ErrorResponseException(HttpStatus.CONFLICT, problem, null);
	}

	/**
	 * A 404 for a resource that does not exist.
	 */
	public static ErrorResponseException notFound(String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail);
		problem.setTitle("Not found");
		return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
	}

	static Map<String, String> error(String field, String message) {
		return Map.of("field", field, "message", message);
	}

}
