package io.github.atlassianlifecycle.proof;

import io.github.atlassianlifecycle.support.JavaProcess;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.springframework.jdbc.core.JdbcTemplate;

import io.github.atlassianlifecycle.support.DemoNodeSettings;
import io.github.atlassianlifecycle.support.FreeLoopbackPort;
import io.github.atlassianlifecycle.support.SimulatorControl;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Production's shape on one machine, for one test class: a real PostgreSQL (io.zonky's embedded binaries), the
 * Atlassian simulator as its own process ({@code java -jar ... --spring.profiles.active=simulator}) and application
 * nodes as processes of their own ({@code java -jar ...}, profile {@code demo} for its people, pointed at that
 * simulator and that database), all over loopback. Every process is killed when the class ends, also when it fails;
 * a failure prints the tail of each process's log (the whole logs are in target/proof/).
 */
final class ProofRig implements BeforeAllCallback, AfterAllCallback, TestExecutionExceptionHandler,
        LifecycleMethodExecutionExceptionHandler {

    static final String DATABASE_USER = "postgres";

    private final String name;
    private final int simulatedUsers;
    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final List<JavaProcess> processes = new ArrayList<>();
    private EmbeddedPostgres postgres;
    private JavaProcess simulatorProcess;
    private int simulatorPort;
    private JdbcTemplate database;

    /** @param name names the logs ({@code target/proof/<name>-*.log}) */
    ProofRig(String name, int simulatedUsers) {
        this.name = name;
        this.simulatedUsers = simulatedUsers;
    }

    /** An application node: its process and its port. */
    record Node(String id, int port, JavaProcess process) {

        String url() {
            return "http://127.0.0.1:" + port;
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        database = new JdbcTemplate(postgres.getPostgresDatabase());
        simulatorPort = FreeLoopbackPort.free();
        simulatorProcess = JavaProcess.start(name + "-simulator", "512m", List.of("--spring.profiles.active=simulator",
                "--server.port=" + simulatorPort, "--server.address=127.0.0.1", "--simulator.tidy=true",
                "--simulator.users=" + simulatedUsers));
        processes.add(simulatorProcess);
        simulatorProcess.awaitAnswer(simulatorUrl() + "/_control/faults");
    }

    /** http://127.0.0.1:&lt;port&gt;/sim */
    String simulatorUrl() {
        return "http://127.0.0.1:" + simulatorPort + "/sim";
    }

    SimulatorControl simulator() {
        return new SimulatorControl(simulatorUrl());
    }

    /** The application's database (PostgreSQL's own {@code postgres} database), for reading what the nodes wrote. */
    JdbcTemplate database() {
        return database;
    }

    /**
     * Starts node {@code id} and waits until it answers: the runnable jar in the demo profile (its people), with the
     * built-in simulator off and the Atlassian URLs at the simulator process, on this rig's PostgreSQL, its engine's
     * host name {@code id} (Camunda writes it to each job's history, so a test sees which node ran what), and the
     * given settings ({@code name=value}) last, so they win.
     */
    Node startNode(String id, Map<String, String> settings) {
        int port = FreeLoopbackPort.free();
        Map<String, String> all = DemoNodeSettings.against(simulatorUrl(), port);
        all.put("spring.datasource.url", postgres.getJdbcUrl(DATABASE_USER, "postgres"));
        all.put("spring.datasource.username", DATABASE_USER);
        all.put("spring.datasource.password", DATABASE_USER);
        all.put("camunda.bpm.generic-properties.properties.hostname", id);
        all.putAll(settings);
        List<String> arguments = all.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toList();
        JavaProcess process = JavaProcess.start(name + "-" + id, "768m", arguments);
        processes.add(process);
        Node node = new Node(id, port, process);
        nodes.put(id, node);
        process.awaitAnswer(node.url() + "/actuator/health/readiness");
        return node;
    }

    Node node(String id) {
        return nodes.get(id);
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        processes.forEach(JavaProcess::close);
        if (postgres != null) {
            postgres.close();
        }
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        printLogs();
        throw throwable;
    }

    @Override
    public void handleBeforeAllMethodExecutionException(ExtensionContext context, Throwable throwable)
            throws Throwable {
        printLogs();
        throw throwable;
    }

    @Override
    public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable throwable)
            throws Throwable {
        printLogs();
        throw throwable;
    }

    private void printLogs() {
        for (JavaProcess process : processes) {
            System.out.println("[proof] ---- last lines of " + process.log() + (process.isAlive() ? "" : " (exited)"));
            System.out.println(process.tail(80));
        }
    }
}
