package io.github.atlassianlifecycle.api;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import io.github.atlassianlifecycle.request.PreviewUnavailableException;

/**
 * Every error of the request API as RFC 9457 problem details ({@code application/problem+json}), with a stable
 * {@code type} per kind of problem and, for bodies, every field error. No stack traces, no internals.
 */
@RestControllerAdvice(basePackageClasses = Problems.class) // the request API's controllers, in this room and below
@Order(Ordered.HIGHEST_PRECEDENCE) // before Spring's generic problem details, which know no field names
public class Problems {

    public static final String BASE = "https://github.com/atlassian-lifecycle/atlassian-lifecycle/blob/main/docs/problems.md#";

    private final Clock clock;

    Problems(Clock clock) {
        this.clock = clock;
    }

    static ResponseEntity<ProblemDetail> problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(BASE + type));
        problem.setTitle(title);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @ExceptionHandler(InvalidRequestException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidRequestException e) {
        ResponseEntity<ProblemDetail> answer = problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                e.detail());
        answer.getBody().setProperty("errors", e.errors());
        return answer;
    }

    /** A dry run could not read Atlassian just now; it says when to ask again when Atlassian said so. */
    @ExceptionHandler(PreviewUnavailableException.class)
    ResponseEntity<ProblemDetail> previewUnavailable(PreviewUnavailableException e) {
        ResponseEntity<ProblemDetail> answer = problem(HttpStatus.SERVICE_UNAVAILABLE, "atlassian-unavailable",
                "Atlassian unavailable", "The dry run could not read Atlassian just now; nothing was done. Try again"
                        + (e.retryAt() == null ? " later." : " after " + e.retryAt() + "."));
        if (e.retryAt() == null) {
            return answer;
        }
        long seconds = Math.max(1, Duration.between(clock.instant(), e.retryAt()).toSeconds() + 1);
        return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders())
                .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds)).body(answer.getBody());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e) {
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported media type",
                "Send the request as application/json.");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e) {
        return problem(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "Method not allowed",
                e.getMethod() + " is not supported here.");
    }

    @ExceptionHandler({ MissingRequestHeaderException.class, MethodArgumentTypeMismatchException.class })
    ResponseEntity<ProblemDetail> badParameter(Exception e) {
        String name = e instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName()
                : ((MissingRequestHeaderException) e).getHeaderName();
        ResponseEntity<ProblemDetail> answer = problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                "The parameter " + name + " is missing or malformed.");
        answer.getBody().setProperty("errors", List.of(new FieldError(name, "is missing or malformed")));
        return answer;
    }

    /** The engine refused the caller (its authorizations were tightened by an administrator, say). */
    @ExceptionHandler(org.camunda.bpm.engine.AuthorizationException.class)
    ResponseEntity<ProblemDetail> engineRefused(org.camunda.bpm.engine.AuthorizationException e) {
        return problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                "The process engine does not let you do this: " + e.getMessage());
    }

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<ProblemDetail> api(ApiProblem e) {
        return e.answer();
    }
}
