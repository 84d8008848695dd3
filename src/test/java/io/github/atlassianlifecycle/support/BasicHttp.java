package io.github.atlassianlifecycle.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Plain HTTP against the test application as a demo user (whose password is the user name), or anonymous. */
public final class BasicHttp {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RestClient http;
    private final String base;

    /** @param user a demo user, or null for anonymous calls */
    public BasicHttp(int port, String user) {
        this.base = "http://127.0.0.1:" + port;
        this.http = RestClient.builder().defaultHeaders(h -> {
            if (user != null) {
                h.setBasicAuth(user, user);
            }
        }).defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { }).build();
    }

    public Answer get(String path) {
        return answer(http.get().uri(URI.create(base + path)).retrieve().toEntity(String.class));
    }

    public Answer post(String path, String json) {
        return answer(http.post().uri(URI.create(base + path)).contentType(MediaType.APPLICATION_JSON).body(json)
                .retrieve().toEntity(String.class));
    }

    public Answer put(String path, String json) {
        return answer(http.put().uri(URI.create(base + path)).contentType(MediaType.APPLICATION_JSON).body(json)
                .retrieve().toEntity(String.class));
    }

    private static Answer answer(ResponseEntity<String> entity) {
        return new Answer(entity.getStatusCode().value(), entity.getBody());
    }

    /** A status and a body, whatever the status. */
    public record Answer(int status, String body) {

        /** The body as JSON; an empty body as {@code {}}. */
        public JsonNode json() {
            try {
                return JSON.readTree(body == null || body.isBlank() ? "{}" : body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
