package io.github.atlassianlifecycle.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.client.RestClient;

import io.github.atlassianlifecycle.client.usermanagement.UserManagementClient;
import io.github.atlassianlifecycle.support.ClientFixture;
import io.github.atlassianlifecycle.support.SimulatorControl;

/**
 * The packaged jar started as its own process in the {@code simulator} profile, seeded with 10,000 users: only
 * the simulator runs (no engine, no webapps), and a client reaches it across the process boundary.
 */
class StandaloneSimulatorIT {

    static Process simulator;
    static int port;

    @BeforeAll
    static void start() throws IOException {
        Path jar;
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            jar = files.filter(p -> p.getFileName().toString().endsWith("-exec.jar")).findFirst()
                    .orElseThrow(() -> new AssertionError("no exec jar in target/: run through `mvn verify`"));
        }
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        simulator = new ProcessBuilder(java, "-Xmx512m", "-jar", jar.toString(), "--spring.profiles.active=simulator",
                "--server.port=" + port, "--simulator.users=10000")
                .redirectErrorStream(true).redirectOutput(new File("target/standalone-simulator.log")).start();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> http().get().uri("/sim/_control/calls").retrieve().toEntity(String.class)
                        .getStatusCode().value() == 200);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (simulator != null) {
            simulator.destroy();
            simulator.waitFor();
        }
    }

    @Test
    void it_serves_ten_thousand_seeded_users_and_nothing_else() {
        List<Map<String, Object>> accounts = new SimulatorControl("http://127.0.0.1:" + port + "/sim").accounts();
        assertThat(accounts.stream().filter(SimulatorControl.managed()).count()).isEqualTo(10_000);
        assertThat(accounts.stream().map(a -> a.get("accountId")).distinct().count()).isEqualTo(accounts.size());
        assertThat(accounts.stream().map(a -> a.get("email")).distinct().count()).isEqualTo(accounts.size());

        assertThat(http().get().uri("/engine-rest/process-definition").retrieve().toEntity(String.class)
                .getStatusCode().value()).isEqualTo(404);
        assertThat(http().get().uri("/camunda/app/tasklist/").retrieve().toEntity(String.class)
                .getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void a_client_in_another_process_can_use_it() {
        SimulatorControl control = new SimulatorControl("http://127.0.0.1:" + port + "/sim");
        String account = control.activeManagedAccount();
        ClientFixture fixture = new ClientFixture(port);
        new UserManagementClient(fixture.transport(), fixture.userManagement()).disable(account, null);
        assertThat(control.account(account)).containsEntry("accountStatus", "inactive");
    }

    private static RestClient http() {
        return RestClient.builder().baseUrl("http://127.0.0.1:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { }).build();
    }
}
