package io.github.atlassianlifecycle.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatusCode;
import org.springframework.web.client.RestClient;

import io.github.atlassianlifecycle.support.DemoNodeSettings;
import io.github.atlassianlifecycle.support.FreeLoopbackPort;
import io.github.atlassianlifecycle.support.JavaProcess;
import io.github.atlassianlifecycle.support.Scrape;
import io.github.atlassianlifecycle.support.SimulatorControl;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * What the benchmark runs against, each its own process on loopback, as a user runs them: the Atlassian simulator
 * ({@code java -jar <exec jar> --spring.profiles.active=simulator}) and the application on its demo defaults (profile
 * {@code demo}, built-in simulator off, Atlassian URLs at the simulator process) on an H2 file database, or on a real
 * PostgreSQL (io.zonky's embedded binaries) when asked. Everything it started is stopped by {@link #close()}.
 */
final class BenchRig implements AutoCloseable {

    /** The application's heap: what a small production node would be given. */
    static final String NODE_HEAP = "1g";

    private final boolean postgresWanted;
    private final int simulatedUsers;
    private final List<JavaProcess> processes = new ArrayList<>();
    private EmbeddedPostgres postgres;
    private int simulatorPort;
    private JavaProcess simulatorProcess;

    BenchRig(boolean postgres, int simulatedUsers) {
        this.postgresWanted = postgres;
        this.simulatedUsers = simulatedUsers;
    }

    /** A running application node, with the seconds it took from its start to answering ready. */
    record Node(String url, JavaProcess process, double startupSeconds) {

        RestClient client(String user) {
            return RestClient.builder().baseUrl(url).defaultHeaders(h -> h.setBasicAuth(user, user))
                    .defaultStatusHandler(HttpStatusCode::isError, (q, r) -> { }).build();
        }

        Scrape scrape() {
            return new Scrape(client("demo").get().uri("/actuator/prometheus").retrieve().body(String.class));
        }
    }

    void start() throws IOException {
        if (postgresWanted) {
            postgres = EmbeddedPostgres.builder().start();
        } else {
            Path db = Path.of("target", "bench", "db");
            if (Files.isDirectory(db)) {
                try (var old = Files.walk(db)) {
                    old.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                }
            }
        }
        simulatorPort = FreeLoopbackPort.free();
        JavaProcess simulator = JavaProcess.startJar("bench-simulator", log("simulator"), "1g", List.of("--spring.profiles.active=simulator",
                "--server.port=" + simulatorPort, "--server.address=127.0.0.1", "--simulator.tidy=true",
                "--simulator.users=" + simulatedUsers));
        processes.add(simulator);
        simulatorProcess = simulator;
        simulator.awaitAnswer(simulatorUrl() + "/_control/faults");
    }

    String simulatorUrl() {
        return "http://127.0.0.1:" + simulatorPort + "/sim";
    }

    /** The simulator's process id, for its CPU time. */
    long simulatorPid() {
        return simulatorProcess.pid();
    }

    SimulatorControl simulator() {
        return new SimulatorControl(simulatorUrl());
    }

    String database() {
        return postgresWanted ? "PostgreSQL (embedded " + postgresVersion() + ")" : "H2 file (target/bench/db)";
    }

    /** Starts an application node with the demo's defaults and {@code settings} last (they win). */
    Node startNode(String id, Map<String, String> settings) {
        int port = FreeLoopbackPort.free();
        Map<String, String> all = DemoNodeSettings.against(simulatorUrl(), port);
        if (postgresWanted) {
            all.put("spring.datasource.url", postgres.getJdbcUrl("postgres", "postgres"));
            all.put("spring.datasource.username", "postgres");
            all.put("spring.datasource.password", "postgres");
        } else {
            all.put("spring.datasource.url", "jdbc:h2:file:" + Path.of("target", "bench", "db", "lifecycle")
                    .toAbsolutePath());
            all.put("spring.datasource.username", "sa");
            all.put("spring.datasource.password", "");
        }
        all.putAll(settings);
        Instant started = Instant.now();
        // -Dbench.jfr=true: a Java Flight Recording of each node, to see where its CPU goes (target/bench/<id>.jfr).
        List<String> jvm = Boolean.getBoolean("bench.jfr") ? List.of("-XX:StartFlightRecording=filename="
                + Path.of("target", "bench", id + ".jfr").toAbsolutePath() + ",settings=profile") : List.of();
        JavaProcess process = JavaProcess.startJar("bench-" + id, log(id), NODE_HEAP, jvm,
                all.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toList());
        processes.add(process);
        String url = "http://127.0.0.1:" + port;
        process.awaitAnswer(url + "/actuator/health/readiness");
        return new Node(url, process, Duration.between(started, Instant.now()).toMillis() / 1000.0);
    }

    /** target/bench/&lt;name&gt;.log */
    private static Path log(String name) {
        return Path.of("target", "bench", name + ".log");
    }

    /** The node's heap in use after a full collection ({@code jcmd GC.run}), in MB, from its own JVM metrics. */
    static double heapMbAfterGc(Node node) throws IOException, InterruptedException {
        Process gc = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(node.process().pid()), "GC.run").redirectErrorStream(true).start();
        String answer = new String(gc.getInputStream().readAllBytes());
        if (gc.waitFor() != 0) {
            throw new IllegalStateException("jcmd GC.run failed: " + answer);
        }
        return node.scrape().value("jvm_memory_used_bytes", "area=\"heap\"") / (1024 * 1024);
    }

    private String postgresVersion() {
        try (var connection = postgres.getPostgresDatabase().getConnection()) {
            return connection.getMetaData().getDatabaseProductVersion();
        } catch (java.sql.SQLException e) {
            return "?";
        }
    }

    @Override
    public void close() throws IOException {
        processes.forEach(JavaProcess::close);
        if (postgres != null) {
            postgres.close();
        }
    }
}
