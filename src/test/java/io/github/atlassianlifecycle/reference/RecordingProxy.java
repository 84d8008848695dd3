package io.github.atlassianlifecycle.reference;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A recording hop on loopback between a real client and the simulator: it forwards every request unchanged to
 * {@code target} and keeps each request with the answer exactly as it came back (status, headers, body). Nothing of
 * the client or the simulator is bent for the test; the conformance checks read what crossed the wire.
 */
public final class RecordingProxy implements AutoCloseable {

    /** Headers java.net.http sets itself and refuses to be given. */
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

    private final HttpServer server;
    private final String target;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final List<Exchange> recorded = new CopyOnWriteArrayList<>();

    private RecordingProxy(HttpServer server, String target) {
        this.server = server;
        this.target = target.endsWith("/") ? target.substring(0, target.length() - 1) : target;
        server.createContext("/", this::forward);
        server.start();
    }

    /** A proxy in front of {@code target}, e.g. {@code http://127.0.0.1:8080/sim/api}. */
    public static RecordingProxy to(String target) {
        try {
            return new RecordingProxy(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0),
                    target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where clients send their requests instead of the target. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Exchange> recorded() {
        return List.copyOf(recorded);
    }

    private void forward(HttpExchange exchange) throws IOException {
        byte[] requestBody;
        try (InputStream in = exchange.getRequestBody()) {
            requestBody = in.readAllBytes();
        }
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        String query = exchange.getRequestURI().getRawQuery();
        Map<String, String> requestHeaders = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> requestHeaders.put(name, String.join(",", values)));

        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target + path + (query == null ? "" : "?" + query)))
                .timeout(Duration.ofSeconds(30))
                .method(method, requestBody.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(requestBody));
        requestHeaders.forEach((name, value) -> {
            if (!RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
                request.header(name, value);
            }
        });
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while forwarding " + method + " " + path, e);
        }
        Map<String, String> responseHeaders = new LinkedHashMap<>();
        response.headers().map().forEach((name, values) -> {
            if (!RESTRICTED.contains(name.toLowerCase(Locale.ROOT)) && !name.equalsIgnoreCase("transfer-encoding")
                    && !name.startsWith(":")) {
                responseHeaders.put(name, String.join(",", values));
                values.forEach(value -> exchange.getResponseHeaders().add(name, value));
            }
        });
        byte[] body = response.body();
        recorded.add(new Exchange(method, path, query, requestHeaders,
                new String(requestBody, StandardCharsets.UTF_8), response.statusCode(), responseHeaders,
                new String(body, StandardCharsets.UTF_8)));
        exchange.sendResponseHeaders(response.statusCode(), body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
