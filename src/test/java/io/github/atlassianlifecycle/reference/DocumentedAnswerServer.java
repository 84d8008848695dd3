package io.github.atlassianlifecycle.reference;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stub Atlassian on loopback that answers exactly what the reference documents: queue one or more documented
 * answers, point a real client at {@link #baseUrl()}, and the answers go back over real HTTP, through the real
 * transport. A request whose method or path is not the queued answer's documented one gets a 599 with a message,
 * so a client calling the wrong endpoint fails loudly. Every request received is kept for assertions.
 */
public final class DocumentedAnswerServer implements AutoCloseable {

    /** Not an HTTP status Atlassian uses: marks "the client called something the answer does not document". */
    public static final int WRONG_CALL = 599;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final Deque<DocumentedAnswer> queued = new ArrayDeque<>();
    private final List<Exchange> received = new CopyOnWriteArrayList<>();

    private DocumentedAnswerServer(HttpServer server) {
        this.server = server;
        server.createContext("/", this::answer);
        server.start();
    }

    public static DocumentedAnswerServer start() {
        try {
            return new DocumentedAnswerServer(HttpServer.create(
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers the next request with this documented answer (answers are used in the order queued). */
    public synchronized DocumentedAnswerServer answer(DocumentedAnswer answer) {
        queued.addLast(answer);
        return this;
    }

    /** Shorthand for {@code answer(DocumentedAnswers.named(family, name))}. */
    public DocumentedAnswerServer answer(String family, String name) {
        return answer(DocumentedAnswers.named(family, name));
    }

    /** Every request received, in order. */
    public List<Exchange> received() {
        return List.copyOf(received);
    }

    public Exchange lastReceived() {
        if (received.isEmpty()) {
            throw new IllegalStateException("the documented-answer server received no request");
        }
        return received.get(received.size() - 1);
    }

    /** Forgets queued answers and received requests. */
    public synchronized void reset() {
        queued.clear();
        received.clear();
    }

    private void answer(HttpExchange http) throws IOException {
        String requestBody;
        try (InputStream in = http.getRequestBody()) {
            requestBody = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        DocumentedAnswer answer;
        synchronized (this) {
            answer = queued.pollFirst();
        }
        String method = http.getRequestMethod();
        String path = http.getRequestURI().getRawPath();
        int status;
        Map<String, String> headers = new LinkedHashMap<>();
        byte[] body;
        String query = http.getRequestURI().getRawQuery();
        if (answer == null || !answer.method().equals(method) || !PathTemplate.of(answer.path()).matches(path, query)) {
            status = WRONG_CALL;
            headers.put("Content-Type", "text/plain");
            body = (answer == null ? "no documented answer queued for " + method + " " + path
                    : method + " " + path + " is not " + answer + " (" + answer.method() + " " + answer.path() + ")")
                    .getBytes(StandardCharsets.UTF_8);
        } else {
            status = answer.status();
            headers.putAll(answer.headers());
            body = answer.hasBody() ? JSON.writeValueAsBytes(answer.body()) : new byte[0];
            if (answer.contentType() != null) {
                headers.put("Content-Type", answer.contentType());
            }
        }
        received.add(new Exchange(method, path, query, flatten(http), requestBody,
                status, headers, new String(body, StandardCharsets.UTF_8)));
        headers.forEach((name, value) -> http.getResponseHeaders().add(name, value));
        http.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = http.getResponseBody()) {
            out.write(body);
        }
    }

    private static Map<String, String> flatten(HttpExchange http) {
        Map<String, String> headers = new LinkedHashMap<>();
        http.getRequestHeaders().forEach((name, values) -> headers.put(name, String.join(",", values)));
        return headers;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
