package io.github.atlassianlifecycle.api;

import java.util.List;

/** A request (body, parameter or header) that breaks the rules; answered 400 with every error. Nothing is done. */
public class InvalidRequestException extends RuntimeException {

    private final List<FieldError> errors;
    private final String detail;

    public InvalidRequestException(List<FieldError> errors) {
        this(errors, null);
    }

    /** @param detail what the answer says, for a person; null for the body's "not started: n field(s) invalid" */
    InvalidRequestException(List<FieldError> errors, String detail) {
        super(errors.size() + " field(s) invalid", null, false, false);
        this.errors = List.copyOf(errors);
        this.detail = detail;
    }

    String detail() {
        return detail != null ? detail : "The request was not started: " + errors.size() + " field(s) invalid.";
    }

    public List<FieldError> errors() {
        return errors;
    }
}
