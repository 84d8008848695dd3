package io.github.atlassianlifecycle.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.springframework.http.HttpStatusCode;
import org.springframework.web.client.RestClient;

/**
 * One {@code java -jar} of the runnable jar (or one {@code java -cp ... main class}), as its own operating-system
 * process with its log in a file under {@code target/proof/}: started with arguments, waited for until a URL
 * answers, and killed as a crash kills it ({@link Process#destroyForcibly()}, SIGKILL on Linux: no shutdown hook, no
 * transaction finished).
 */
public final class JavaProcess implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofMinutes(4);

    private final String name;
    private final Path log;
    private final Process process;

    private JavaProcess(String name, Path log, Process process) {
        this.name = name;
        this.log = log;
        this.process = process;
    }

    /** Starts {@code java -Xmx<heap> -jar <exec jar> <arguments>}, its output appended to target/proof/<name>.log. */
    public static JavaProcess start(String name, String heap, List<String> arguments) {
        return run(name, Path.of("target", "proof", name + ".log"), heap, List.of("-jar", ExecJar.path().toString()),
                arguments);
    }

    /** As {@link #start(String, String, List)}, its output appended to {@code log}. */
    public static JavaProcess startJar(String name, Path log, String heap, List<String> arguments) {
        return run(name, log, heap, List.of("-jar", ExecJar.path().toString()), arguments);
    }

    /** As {@link #startJar(String, Path, String, List)}, with more JVM options ({@code -XX:...}) before {@code -jar}. */
    public static JavaProcess startJar(String name, Path log, String heap, List<String> jvmOptions,
            List<String> arguments) {
        List<String> what = new ArrayList<>(jvmOptions);
        what.addAll(List.of("-jar", ExecJar.path().toString()));
        return run(name, log, heap, what, arguments);
    }

    /** Starts {@code java -Xmx<heap> -cp <classpath> <mainClass> <arguments>}, its output appended to {@code log}. */
    public static JavaProcess startMain(String name, Path log, String heap, String classpath, String mainClass,
            List<String> arguments) {
        return run(name, log, heap, List.of("-cp", classpath, mainClass), arguments);
    }

    private static JavaProcess run(String name, Path log, String heap, List<String> what, List<String> arguments) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx" + heap, "-XX:+UseSerialGC"));
        command.addAll(what);
        command.addAll(arguments);
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(log, "$ " + String.join(" ", command) + System.lineSeparator(), StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            return new JavaProcess(name, log, process);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
    }

    /** Waits until {@code url} answers 2xx; fails with the log's tail if the process dies or takes too long. */
    public JavaProcess awaitAnswer(String url) {
        RestClient http = RestClient.builder().defaultStatusHandler(HttpStatusCode::isError, (q, r) -> { }).build();
        await(name + " answering " + url).atMost(STARTUP).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new AssertionError(name + " exited with " + process.exitValue() + ":\n" + tail(60));
                    }
                    return http.get().uri(url).retrieve().toBodilessEntity().getStatusCode().is2xxSuccessful();
                });
        return this;
    }

    public String name() {
        return name;
    }

    /** The operating system's process id (for {@code jcmd} and {@code /proc}). */
    public long pid() {
        return process.pid();
    }

    /** Asks the process to end as a service manager would (SIGTERM), and waits until it has. */
    public void stop() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL, then waits until the process is gone. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The last {@code lines} lines of the log. */
    public String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log at " + log + ": " + e.getMessage() + ")";
        }
    }

    public Path log() {
        return log;
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }
}
