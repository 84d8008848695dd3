package io.github.atlassianlifecycle.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/** Test helper over {@code /engine-rest}, signed in as one user with HTTP Basic. */
public final class EngineRest {

    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() { };
    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() { };

    private final RestClient http;

    private EngineRest(RestClient http) {
        this.http = http;
    }

    public static EngineRest as(int port, String user, String password) {
        return new EngineRest(RestClient.builder().baseUrl("http://127.0.0.1:" + port + "/engine-rest")
                .defaultHeaders(h -> h.setBasicAuth(user, password))
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { })
                .build());
    }

    /**
     * Like {@link #as}, on the named engine ({@code /engine-rest/engine/{name}}): for a test with its own Spring
     * context, whose engine has its own name so that it does not replace the shared context's engine in Camunda's
     * JVM-wide engine registry (which {@code /engine-rest} without a name looks up).
     */
    public static EngineRest onEngine(int port, String engineName, String user, String password) {
        return new EngineRest(RestClient.builder().baseUrl("http://127.0.0.1:" + port + "/engine-rest/engine/" + engineName)
                .defaultHeaders(h -> h.setBasicAuth(user, password))
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { })
                .build());
    }

    /** Starts a process with String (or Boolean) variables and returns the answer. */
    public ResponseEntity<Map<String, Object>> start(String key, Map<String, Object> variables) {
        return http.post().uri("/process-definition/key/{key}/start", key).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("variables", typed(variables))).retrieve().toEntity(OBJECT);
    }

    /**
     * Starts a process with variables given as the engine's REST API takes them ({@code {"type": ..., "value": ...}}
     * per name), e.g. JSON variables: {@code Map.of("type", "Json", "value", "[\"1\"]")}.
     */
    public ResponseEntity<Map<String, Object>> startTyped(String key, Map<String, Map<String, Object>> variables) {
        return http.post().uri("/process-definition/key/{key}/start", key).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("variables", variables)).retrieve().toEntity(OBJECT);
    }

    /** Sets one variable of a process instance ({@code PUT /process-instance/{id}/variables/{name}}). */
    public ResponseEntity<String> putVariable(String processInstanceId, String name, String type, Object value) {
        return http.put().uri("/process-instance/{id}/variables/{name}", processInstanceId, name)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("type", type, "value", value)).retrieve()
                .toEntity(String.class);
    }

    /** Removes one variable of a process instance ({@code DELETE /process-instance/{id}/variables/{name}}). */
    public ResponseEntity<String> deleteVariable(String processInstanceId, String name) {
        return http.delete().uri("/process-instance/{id}/variables/{name}", processInstanceId, name).retrieve()
                .toEntity(String.class);
    }

    /** Sets one variable through a task ({@code PUT /task/{id}/variables/{name}}): it lands on the instance. */
    public ResponseEntity<String> putTaskVariable(String taskId, String name, String type, Object value) {
        return http.put().uri("/task/{id}/variables/{name}", taskId, name).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("type", type, "value", value)).retrieve().toEntity(String.class);
    }

    public List<Map<String, Object>> tasks(String processInstanceId) {
        return http.get().uri(b -> b.path("/task").queryParam("processInstanceId", processInstanceId).build())
                .retrieve().body(LIST);
    }

    public ResponseEntity<String> complete(String taskId, Map<String, Object> variables) {
        return http.post().uri("/task/{id}/complete", taskId).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("variables", typed(variables))).retrieve().toEntity(String.class);
    }

    public ResponseEntity<String> claim(String taskId, String userId) {
        return http.post().uri("/task/{id}/claim", taskId).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("userId", userId)).retrieve().toEntity(String.class);
    }

    public ResponseEntity<String> get(String path) {
        return http.get().uri(path).retrieve().toEntity(String.class);
    }

    public Map<String, Object> historicInstance(String processInstanceId) {
        return http.get().uri("/history/process-instance/{id}", processInstanceId).retrieve().body(OBJECT);
    }

    public List<Map<String, Object>> historicVariables(String processInstanceId) {
        return http.get().uri(b -> b.path("/history/variable-instance")
                .queryParam("processInstanceId", processInstanceId).build()).retrieve().body(LIST);
    }

    public Object historicVariable(String processInstanceId, String name) {
        return historicVariables(processInstanceId).stream().filter(v -> name.equals(v.get("name")))
                .map(v -> v.get("value")).findFirst().orElse(null);
    }

    private static Map<String, Object> typed(Map<String, Object> variables) {
        Map<String, Object> typed = new LinkedHashMap<>();
        variables.forEach((name, value) -> typed.put(name, Map.of("value", value,
                "type", value instanceof Boolean ? "Boolean" : value instanceof Integer ? "Integer" : "String")));
        return typed;
    }
}
