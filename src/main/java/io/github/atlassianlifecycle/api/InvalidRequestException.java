package io.github.atlassianlifecycle.api;

import java.util.List;

/** A request body that breaks the rules; answered 400 with every field error. Nothing is started. */
class InvalidRequestException extends RuntimeException {

    private final List<FieldError> errors;

    InvalidRequestException(List<FieldError> errors) {
        super(errors.size() + " field(s) invalid", null, false, false);
        this.errors = List.copyOf(errors);
    }

    List<FieldError> errors() {
        return errors;
    }
}
