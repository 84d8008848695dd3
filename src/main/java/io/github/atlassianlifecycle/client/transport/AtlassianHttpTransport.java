package io.github.atlassianlifecycle.client.transport;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.http.client.config.RequestConfig;
import org.apache.http.config.Registry;
import org.apache.http.config.RegistryBuilder;
import org.apache.http.conn.ConnectTimeoutException;
import org.apache.http.conn.socket.ConnectionSocketFactory;
import org.apache.http.conn.socket.PlainConnectionSocketFactory;
import org.apache.http.conn.ssl.SSLConnectionSocketFactory;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.impl.conn.PoolingHttpClientConnectionManager;
import org.camunda.connect.httpclient.HttpRequest;
import org.camunda.connect.httpclient.HttpResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.atlassianlifecycle.client.ApiFamily;
import io.github.atlassianlifecycle.client.AtlassianApiException;

/**
 * The one HTTP transport every Atlassian client uses: camunda-connect's HTTP connector over a pooled Apache
 * HttpClient, Jackson for bodies. It turns every non-2xx answer and every failed exchange into an
 * {@link AtlassianApiException}, and tells {@link ApiCallListener}s about each exchange.
 *
 * <p>Security choices: credentials travel only in the {@code Authorization} header, are never logged (see
 * {@link AtlassianHttpConnector} and {@link UnloggedConnectionFactory}) and are scrubbed from any error text; redirects are not followed, because
 * HttpClient would resend the {@code Authorization} header to wherever the redirect points.
 */
public class AtlassianHttpTransport implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AtlassianHttpTransport.class);
    private static final List<String> REQUEST_ID_HEADERS = List.of("X-Request-Id", "ATL-TraceId", "X-AREQUESTID");

    private final AtlassianHttpConnector connector;
    private final CloseableHttpClient httpClient;
    private final ObjectMapper json;
    private final Clock clock;
    private final String userAgent;
    private final List<ApiCallListener> listeners = new CopyOnWriteArrayList<>();
    private final List<ApiCallGate> gates = new CopyOnWriteArrayList<>();

    public AtlassianHttpTransport(TransportSettings settings, ObjectMapper json, Clock clock) {
        this.json = Objects.requireNonNull(json, "json");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.userAgent = settings.userAgent();
        RequestConfig requestConfig = requestConfig(settings);
        this.httpClient = httpClient(settings, requestConfig);
        this.connector = new AtlassianHttpConnector(requestConfig);
        this.connector.setHttpClient(httpClient);
    }

    private static RequestConfig requestConfig(TransportSettings settings) {
        int connectMillis = millis(settings.connectTimeout());
        return RequestConfig.custom()
                .setConnectTimeout(connectMillis)
                .setConnectionRequestTimeout(connectMillis)
                .setSocketTimeout(millis(settings.responseTimeout()))
                .setRedirectsEnabled(false)
                .build();
    }

    private static CloseableHttpClient httpClient(TransportSettings settings, RequestConfig config) {
        Registry<ConnectionSocketFactory> sockets = RegistryBuilder.<ConnectionSocketFactory>create()
                .register("http", PlainConnectionSocketFactory.getSocketFactory())
                .register("https", SSLConnectionSocketFactory.getSystemSocketFactory())
                .build();
        PoolingHttpClientConnectionManager pool = new PoolingHttpClientConnectionManager(sockets,
                new UnloggedConnectionFactory());
        pool.setMaxTotal(settings.maxConnections());
        pool.setDefaultMaxPerRoute(settings.maxConnections());
        pool.setValidateAfterInactivity(2_000);
        return HttpClients.custom()
                .setConnectionManager(pool)
                .setDefaultRequestConfig(config)
                .setUserAgent(settings.userAgent())
                .disableRedirectHandling()
                .disableAutomaticRetries() // retries are the process engine's job, with backoff and an audit trail
                .disableCookieManagement()
                .useSystemProperties() // proxy settings (https.proxyHost, ...) as the JVM was given them
                .evictIdleConnections(30, java.util.concurrent.TimeUnit.SECONDS)
                .build();
    }

    private static int millis(Duration duration) {
        return (int) Math.min(Integer.MAX_VALUE, duration.toMillis());
    }

    public void addListener(ApiCallListener listener) {
        listeners.add(Objects.requireNonNull(listener));
    }

    /** A gate runs before every exchange of its family, for example a client-side rate limiter. */
    public void addGate(ApiCallGate gate) {
        gates.add(Objects.requireNonNull(gate));
    }

    public ObjectMapper json() {
        return json;
    }

    /** Sends the request and returns a 2xx answer, or throws {@link AtlassianApiException}. */
    public ApiResponse send(ApiEndpoint endpoint, ApiRequest request) {
        for (ApiCallGate gate : gates) {
            gate.beforeCall(endpoint.family(), request.operation());
        }
        String url = endpoint.baseUrl() + request.pathAndQuery();
        Instant started = clock.instant();
        long startNanos = System.nanoTime();
        HttpResponse response;
        try {
            response = prepare(endpoint, request, url).execute();
        } catch (RuntimeException failure) {
            Duration took = Duration.ofNanos(System.nanoTime() - startNanos);
            notifyListeners(new ApiCall(started, took, endpoint.family(), request.operation(), request.method(),
                    request.path(), 0, null));
            throw noAnswer(endpoint, request, failure);
        }
        try {
            int status = response.getStatusCode();
            Map<String, String> headers = response.getHeaders();
            String body = response.getResponse();
            String requestId = requestId(headers);
            Duration took = Duration.ofNanos(System.nanoTime() - startNanos);
            notifyListeners(new ApiCall(started, took, endpoint.family(), request.operation(), request.method(),
                    request.path(), status, requestId));
            if (status >= 200 && status < 300) {
                return new ApiResponse(status, body, headers);
            }
            throw failure(endpoint, request, status, headers, body, requestId);
        } finally {
            response.close();
        }
    }

    /** Sends and reads the body as {@code type}; an empty body gives null. */
    public <T> T send(ApiEndpoint endpoint, ApiRequest request, Class<T> type) {
        return read(endpoint.family(), request, send(endpoint, request), json.constructType(type));
    }

    /** Sends and reads the body as a generic type, e.g. a page of users. */
    public <T> T send(ApiEndpoint endpoint, ApiRequest request, JavaType type) {
        return read(endpoint.family(), request, send(endpoint, request), type);
    }

    private <T> T read(ApiFamily family, ApiRequest request, ApiResponse response, JavaType type) {
        if (!response.hasBody()) {
            return null;
        }
        try {
            return json.readValue(response.body(), type);
        } catch (JsonProcessingException e) {
            // A 2xx we cannot read is a contract break, not bad luck: treat it as a business failure to look at.
            throw new AtlassianApiException(family, request.operation(), response.status(), "unreadableBody", null,
                    "the answer could not be read as " + type.getRawClass().getSimpleName() + " ("
                            + e.getOriginalMessage() + ")", null, null, requestId(response.headers()), null);
        }
    }

    private HttpRequest prepare(ApiEndpoint endpoint, ApiRequest request, String url) {
        HttpRequest http = connector.createRequest().url(url).method(request.method())
                .header("Accept", request.accept())
                .header("User-Agent", userAgent);
        String authorization = endpoint.credential().headerValue();
        if (authorization != null) {
            http.header("Authorization", authorization);
        }
        if (request.body() != null) {
            http.contentType(request.contentType()).payload(serialise(request.body()));
        }
        return http;
    }

    private String serialise(Object body) {
        if (body instanceof String text) {
            return text;
        }
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("request body cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    private AtlassianApiException failure(ApiEndpoint endpoint, ApiRequest request, int status,
            Map<String, String> headers, String body, String requestId) {
        ErrorBody error = ErrorBody.parse(endpoint.family(), body, json);
        Credential credential = endpoint.credential();
        if (status == 410 || status == 404 && !NotFoundAnswer.isDocumented(endpoint.family(), body, json)) {
            LOG.warn("{} {} {} answered {}: the endpoint is unavailable", endpoint.family().displayName(),
                    request.method(), request.pathTemplate(), status);
            return AtlassianApiException.endpointUnavailable(endpoint.family(), request.operation(), status,
                    request.method(), request.pathTemplate(), credential.scrub(error.errorKey()),
                    credential.scrub(error.detail()), requestId);
        }
        Instant retryAt = status == 429 || status == 503 ? RetryAfter.parse(headers, clock.instant()) : null;
        AtlassianApiException exception = new AtlassianApiException(endpoint.family(), request.operation(), status,
                credential.scrub(error.errorKey()), credential.scrub(error.reasonKey()),
                credential.scrub(error.detail()), error.fieldErrors(), retryAt, requestId, null);
        LOG.debug("{} {} answered {} ({})", endpoint.family().displayName(), request, status, error.errorKey());
        return exception;
    }

    private AtlassianApiException noAnswer(ApiEndpoint endpoint, ApiRequest request, RuntimeException failure) {
        Throwable cause = rootIoCause(failure);
        String what;
        if (cause instanceof SocketTimeoutException || cause instanceof ConnectTimeoutException) {
            what = "timed out";
        } else if (cause instanceof ConnectException) {
            what = "connection refused";
        } else if (cause instanceof InterruptedIOException) {
            what = "interrupted";
        } else if (cause instanceof IOException) {
            what = "connection failed (" + cause.getClass().getSimpleName() + ")";
        } else {
            what = "request failed (" + failure.getClass().getSimpleName() + ")";
        }
        // The cause is kept only when it carries no text of ours; connect exceptions hold host names, not secrets.
        return AtlassianApiException.noAnswer(endpoint.family(), request.operation(), what, cause);
    }

    private static Throwable rootIoCause(Throwable failure) {
        Throwable current = failure;
        while (current != null) {
            if (current instanceof IOException) {
                return current;
            }
            current = current.getCause();
        }
        return failure;
    }

    private static String requestId(Map<String, String> headers) {
        if (headers == null) {
            return null;
        }
        for (String name : REQUEST_ID_HEADERS) {
            for (Map.Entry<String, String> header : headers.entrySet()) {
                if (name.equalsIgnoreCase(header.getKey())) {
                    return header.getValue();
                }
            }
        }
        return null;
    }

    private void notifyListeners(ApiCall call) {
        for (ApiCallListener listener : listeners) {
            try {
                listener.onCall(call);
            } catch (RuntimeException e) {
                LOG.warn("API call listener {} failed: {}", listener.getClass().getSimpleName(), e.toString());
            }
        }
    }

    @Override
    public void close() throws IOException {
        httpClient.close();
    }
}
