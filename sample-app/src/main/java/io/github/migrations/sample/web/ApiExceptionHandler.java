package io.github.migrations.sample.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns validation failures into 400 problem details that list every wrong field with
 * what it should be, instead of Spring's generic "Invalid request content".
 */
@RestControllerAdvice
final class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	@Override
	protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Map<String, String>> errors = new ArrayList<>();
		ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.sorted(Comparator.comparing(FieldError::getField))
			.forEach((error) -> errors.add(ApiProblems.error(error.getField(), message(error))));
		ex.getBindingResult()
			.getGlobalErrors()
			.forEach((error) -> errors.add(ApiProblems.error(error.getObjectName(), message(error))));
		return invalid(ex.getBody(), errors, headers, status, request, ex);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
			HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Map<String, String>> errors = new ArrayList<>();
		ex.getParameterValidationResults().forEach((result) -> {
			if (result instanceof ParameterErrors body) {
				body.getFieldErrors()
					.forEach((error) -> errors.add(ApiProblems.error(error.getField(), message(error))));
			}
			else {
				String name = String.valueOf(result.getMethodParameter().getParameterName());
				result.getResolvableErrors().forEach((error) -> errors.add(ApiProblems.error(name, message(error))));
			}
		});
		errors.sort(Comparator.comparing((error) -> error.get("field")));
		return invalid(ex.getBody(), errors, headers, status, request, ex);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
				"The request body could not be read as JSON for this endpoint: " + reason(ex) + ".");
		problem.setTitle("Invalid request");
		return handleExceptionInternal(ex, problem, headers, status, request);
	}

	private @Nullable ResponseEntity<Object> invalid(ProblemDetail problem, List<Map<String, String>> errors,
			HttpHeaders headers, HttpStatusCode status, WebRequest request, Exception ex) {
		problem.setTitle("Invalid request");
		problem.setDetail(errors.stream()
			.map((error) -> "'%s' %s".formatted(error.get("field"), error.get("message")))
			.reduce((first, second) -> first + "; " + second)
			.orElse("The request is not valid") + ".");
		problem.setProperty("errors", errors);
		return handleExceptionInternal(ex, problem, headers, status, request);
	}

	private static String message(MessageSourceResolvable error) {
		return String.valueOf(error.getDefaultMessage());
	}

	private static String reason(HttpMessageNotReadableException ex) {
		String message = String.valueOf(ex.getMostSpecificCause().getMessage());
		int end = message.indexOf(" at [Source");
		message = (end >= 0) ? message.substring(0, end) : message;
		end = message.indexOf('\n');
		return ((end >= 0) ? message.substring(0, end) : message).strip();
	}

}
