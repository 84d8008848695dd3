package io.github.atlassianlifecycle.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.atlassianlifecycle.support.FreeAccounts;
import io.github.atlassianlifecycle.support.FreeLoopbackPort;
import io.github.atlassianlifecycle.support.JavaProcess;
import io.github.atlassianlifecycle.support.SimulatorControl;

/**
 * The plugin inside someone else's application: a minimal Spring Boot + Camunda host (src/it/host-app, compiled
 * here) runs as its own JVM with only its own classes, the plain jar and the plain jar's runtime dependencies on its
 * class path, against the simulator in a JVM of its own. The host's processes use the plugin's connector and its
 * element templates; the host's
 * endpoint, users, security and settings must answer exactly as the host configured them. Logs: target/host-app/.
 */
class HostApplicationIT {

    private static final Path HOST = Path.of("target", "host-app");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static JavaProcess simulatorProcess;
    private static JavaProcess hostProcess;
    private static SimulatorControl simulator;
    private static FreeAccounts accounts;
    private static String host;

    @BeforeAll
    static void start() throws IOException {
        String pluginClasspath = System.getProperty("host.plugin-jar") + File.pathSeparator
                + Files.readString(Path.of(System.getProperty("host.plugin-classpath")), StandardCharsets.UTF_8).strip();
        Path classes = compileHost(pluginClasspath);

        int simulatorPort = FreeLoopbackPort.free();
        simulatorProcess = JavaProcess.startJar("host-simulator", HOST.resolve("simulator.log"), "384m",
                List.of("--spring.profiles.active=simulator", "--server.port=" + simulatorPort,
                        "--server.address=127.0.0.1", "--simulator.users=40"));
        int hostPort = FreeLoopbackPort.free();
        String sim = "http://127.0.0.1:" + simulatorPort + "/sim";
        simulator = new SimulatorControl(sim);
        accounts = FreeAccounts.ofOwnSimulator(simulator);
        host = "http://127.0.0.1:" + hostPort;
        hostProcess = JavaProcess.startMain("host-app", HOST.resolve("host.log"), "640m",
                classes + File.pathSeparator + pluginClasspath, "host.HostApplication",
                List.of("--server.port=" + hostPort, "--server.address=127.0.0.1",
                        "--atlassian.api-url=" + sim + "/api", "--atlassian.site-url=" + sim + "/site",
                        "--atlassian.bitbucket-url=" + sim + "/bitbucket", "--atlassian.org-id=demo-org",
                        "--atlassian.directory-id=demo-dir", "--atlassian.org-api-key=sim-org-key",
                        "--atlassian.scim-api-key=sim-scim-key", "--atlassian.site-email=admin@demo.example",
                        "--atlassian.site-api-token=sim-site-token", "--atlassian.bitbucket-user=admin",
                        "--atlassian.bitbucket-token=sim-bitbucket-token", "--atlassian.rate-limit.enabled=false",
                        "--atlassian.inactivity.keep-link-key=host-keep-link-key-0123456789abcdef"));
        simulatorProcess.awaitAnswer(sim + "/_control/accounts");
        hostProcess.awaitAnswer(host + "/host/up");
    }

    @AfterAll
    static void stop() {
        if (hostProcess != null) {
            hostProcess.close();
        }
        if (simulatorProcess != null) {
            simulatorProcess.close();
        }
    }

    @Test
    void the_hosts_connector_process_revokes_the_tokens_and_suspends_the_account_in_the_simulator() throws Exception {
        String account = accounts.take(HostApplicationIT::notSuspended);
        int owned = ((Number) simulator.account(account).get("apiTokens")).intValue();

        HttpResponse<String> answer = send("POST", "/host/offboard/" + account, "host-admin:host-secret");

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode variables = JSON.readTree(answer.body());
        assertThat(variables.path("ended").asBoolean()).isTrue();
        assertThat(variables.path("revokedTokens").asText()).isEqualTo(String.valueOf(owned));
        assertThat(variables.path("suspendOutcome").asText()).as(variables.toString()).isEqualTo("APPLIED");
        Map<String, Object> after = simulator.account(account);
        assertThat(after.get("apiTokens")).isEqualTo(0);
        assertThat(after.get("status")).isEqualTo("suspended");
    }

    @Test
    void the_hosts_process_built_from_the_element_templates_reads_and_suspends_the_account_in_the_simulator()
            throws Exception {
        String account = accounts.take(HostApplicationIT::notSuspended);

        HttpResponse<String> started = send("POST", "/host/offboard-templated/" + account, "host-admin:host-secret");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        String instance = JSON.readTree(started.body()).path("instance_id").asText();

        JsonNode variables = await("the templated process ends").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250)).until(() -> JSON.readTree(send("GET", "/host/instances/"
                        + instance, "host-admin:host-secret").body()), v -> v.path("ended").asBoolean()
                        || v.path("incidents").asInt() > 0);
        assertThat(variables.path("incidents").asInt()).as(variables.toString()).isZero();
        assertThat(variables.path("statusBefore").asText())
                .isEqualTo("active");
        assertThat(variables.path("suspendOutcome").asText()).as(variables.toString()).isEqualTo("APPLIED");
        assertThat(simulator.account(account).get("status")).isEqualTo("suspended");
    }

    @Test
    void the_hosts_endpoint_answers_with_the_hosts_security_users_and_settings() throws Exception {
        assertThat(send("GET", "/host/ping", null).statusCode()).isEqualTo(401);
        assertThat(send("GET", "/host/ping", "host-admin:wrong").statusCode()).isEqualTo(401);

        HttpResponse<String> ping = send("GET", "/host/ping", "host-admin:host-secret");

        assertThat(ping.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(ping.body());
        assertThat(body.path("greeting_text").asText()).as("the host's Jackson naming and its own setting")
                .isEqualTo("Hello from the host");
        assertThat(body.path("engine_name").asText()).as("the host's engine name").isEqualTo("hostEngine");
    }

    @Test
    void the_plugins_request_api_stays_behind_its_own_chain_and_does_not_take_the_hosts_users() throws Exception {
        assertThat(send("GET", "/api/requests", null).statusCode()).isEqualTo(401);
        assertThat(send("GET", "/api/requests", "host-admin:host-secret").statusCode())
                .as("the plugin's chain knows Camunda's users only").isEqualTo(401);
    }

    /** Both processes suspend the account: it must not be suspended already (the simulator seeds some that are). */
    private static boolean notSuspended(Map<String, Object> account) {
        return !"suspended".equals(account.get("status"));
    }

    private static HttpResponse<String> send(String method, String path, String credentials) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(host + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (credentials != null) {
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** javac over src/it/host-app/java into target/host-app/classes, and its resources copied beside. */
    private static Path compileHost(String classpath) throws IOException {
        Path sources = Path.of("src", "it", "host-app", "java");
        Path resources = Path.of("src", "it", "host-app", "resources");
        Path classes = HOST.resolve("classes");
        Files.createDirectories(classes);
        List<String> options = List.of("-d", classes.toString(), "-cp", classpath, "-proc:none", "-parameters",
                "--release", "17");
        List<String> units = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sources)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> units.add(f.toString()));
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter errors = new StringWriter();
        boolean compiled = javac.getTask(errors, null, null, options, null,
                javac.getStandardFileManager(null, null, StandardCharsets.UTF_8).getJavaFileObjectsFromStrings(units))
                .call();
        assertThat(compiled).as("the host compiles: %s", errors).isTrue();
        try (Stream<Path> files = Files.walk(resources)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = classes.resolve(resources.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return classes;
    }
}
