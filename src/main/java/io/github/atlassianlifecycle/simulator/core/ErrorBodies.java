package io.github.atlassianlifecycle.simulator.core;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Error answers in each API's own body shape, as {@code atlassian-api.md} documents them. */
public final class ErrorBodies {

    private ErrorBodies() {
    }

    /** User management: {@code {"key": ..., "context": {...}}}. */
    public static ResponseEntity<Object> userManagement(HttpStatus status, String key, Map<String, Object> context) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("key", key);
        if (context != null) {
            body.put("context", context);
        }
        return json(status, body);
    }

    /** Organizations: {@code {"errors":[{"id","status","code","title","detail"}]}} with a string status. */
    public static ResponseEntity<Object> organizations(HttpStatus status, String code, String title, String detail) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("id", UUID.randomUUID().toString());
        error.put("status", String.valueOf(status.value()));
        error.put("code", code);
        error.put("title", title);
        error.put("detail", detail);
        return json(status, Map.of("errors", List.of(error)));
    }

    /**
     * Organizations without a code: the envelope an unknown path gets, carrying none of the endpoint-specific
     * {@code ADMIN-UAM} codes (so a client cannot take it for an endpoint's documented answer).
     */
    public static ResponseEntity<Object> organizationsWithoutCode(HttpStatus status, String title, String detail) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("id", UUID.randomUUID().toString());
        error.put("status", String.valueOf(status.value()));
        error.put("title", title);
        error.put("detail", detail);
        return json(status, Map.of("errors", List.of(error)));
    }

    /** SCIM: {@code {"schemas":[...Error],"status":"409","scimType":...,"detail":...}}. */
    public static ResponseEntity<Object> scim(HttpStatus status, String scimType, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("schemas", List.of("urn:ietf:params:scim:api:messages:2.0:Error"));
        body.put("status", String.valueOf(status.value()));
        if (scimType != null) {
            body.put("scimType", scimType);
        }
        body.put("detail", detail);
        return ResponseEntity.status(status).contentType(MediaType.valueOf("application/scim+json")).body(body);
    }

    /** Jira: {@code {"errorMessages":[...],"errors":{...},"status":400}}. */
    public static ResponseEntity<Object> jira(HttpStatus status, List<String> messages, Map<String, String> fieldErrors) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("errorMessages", messages);
        body.put("errors", fieldErrors == null ? Map.of() : fieldErrors);
        body.put("status", status.value());
        return json(status, body);
    }

    /**
     * Confluence: {@code {"statusCode":404,"data":{"authorized":..,"valid":false,"errors":[{"message":
     * {"translation":..,"args":[]}}],"successful":false},"message":..}}, as its REST v1 intro documents.
     */
    public static ResponseEntity<Object> confluence(HttpStatus status, String message) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("authorized", status != HttpStatus.UNAUTHORIZED && status != HttpStatus.FORBIDDEN);
        data.put("valid", false);
        data.put("errors", List.of(Map.of("message", Map.of("translation", message, "args", List.of()))));
        data.put("successful", false);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("statusCode", status.value());
        body.put("data", data);
        body.put("message", message);
        return json(status, body);
    }

    /** Bitbucket: {@code {"errors":[{"context":null,"message":...,"exceptionName":...}]}}. */
    public static ResponseEntity<Object> bitbucket(HttpStatus status, String message, String exceptionName) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("context", null);
        error.put("message", message);
        error.put("exceptionName", exceptionName);
        return json(status, Map.of("errors", List.of(error)));
    }

    /** Bitbucket validation error: {@code context} names the offending field, {@code exceptionName} is null. */
    public static ResponseEntity<Object> bitbucketField(String field, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("context", field);
        error.put("message", message);
        error.put("exceptionName", null);
        return json(HttpStatus.BAD_REQUEST, Map.of("errors", List.of(error)));
    }

    private static ResponseEntity<Object> json(HttpStatus status, Object body) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
