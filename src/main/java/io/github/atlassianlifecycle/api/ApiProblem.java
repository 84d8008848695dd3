package io.github.atlassianlifecycle.api;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** A refusal decided by the controller (not found, forbidden, conflict, ...), thrown so endpoints read straight. */
public class ApiProblem extends RuntimeException {

    private final transient ResponseEntity<ProblemDetail> answer;

    public ApiProblem(HttpStatus status, String type, String title, String detail) {
        super(detail, null, false, false);
        this.answer = Problems.problem(status, type, title, detail);
    }

    public ApiProblem with(String property, Object value) {
        answer.getBody().setProperty(property, value);
        return this;
    }

    public ResponseEntity<ProblemDetail> answer() {
        return answer;
    }

    public static ApiProblem notFound(String id) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "not-found", "Not found", "There is no request " + id + " you may see.");
    }

    public static ApiProblem forbidden(String what) {
        return new ApiProblem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", what);
    }
}
