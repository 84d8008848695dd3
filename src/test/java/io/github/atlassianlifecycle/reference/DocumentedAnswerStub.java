package io.github.atlassianlifecycle.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import com.fasterxml.jackson.databind.json.JsonMapper;

import io.github.atlassianlifecycle.client.ApiFamily;
import io.github.atlassianlifecycle.client.AtlassianApiException;
import io.github.atlassianlifecycle.client.transport.ApiEndpoint;
import io.github.atlassianlifecycle.client.transport.AtlassianHttpTransport;
import io.github.atlassianlifecycle.client.transport.Credential;
import io.github.atlassianlifecycle.client.transport.TransportSettings;

/**
 * A real client's way to a {@link DocumentedAnswerServer}: the production transport (camunda-connect, Apache
 * HttpClient, the project's Jackson set-up) pointed at the stub, and the checks every documented-answers test makes
 * of the call that crossed the wire.
 */
public final class DocumentedAnswerStub implements AutoCloseable {

    /** Any Bearer: the stub checks calls, not credentials. */
    public static final Credential KEY = Credential.bearer("documented-answers-key");

    private final DocumentedAnswerServer server = DocumentedAnswerServer.start();
    private final AtlassianHttpTransport transport = new AtlassianHttpTransport(
            new TransportSettings(Duration.ofSeconds(2), Duration.ofSeconds(5), 4, "documented-answers-test"),
            JsonMapper.builder().findAndAddModules().build(), Clock.systemUTC());

    public AtlassianHttpTransport transport() {
        return transport;
    }

    public ApiEndpoint endpoint(ApiFamily family) {
        return new ApiEndpoint(family, server.baseUrl(), KEY);
    }

    /** Queues the answers, in order, for the next calls. */
    public DocumentedAnswerStub answer(DocumentedAnswer... answers) {
        server.reset();
        for (DocumentedAnswer answer : answers) {
            server.answer(answer);
        }
        return this;
    }

    /** Every request reached a queued answer's documented method and path (none got the stub's 599). */
    public void calledAsDocumented(int calls) {
        assertThat(server.received()).as("calls the client made").hasSize(calls)
                .allSatisfy(exchange -> assertThat(exchange.status()).as("%s: %s", exchange, exchange.responseBody())
                        .isNotEqualTo(DocumentedAnswerServer.WRONG_CALL));
    }

    public Exchange lastReceived() {
        return server.lastReceived();
    }

    /** The call fails with an {@link AtlassianApiException} of the documented status after one documented call. */
    public AtlassianApiException refusal(DocumentedAnswer answer, ThrowingCallable call) {
        AtlassianApiException[] thrown = new AtlassianApiException[1];
        assertThatThrownBy(call).as("%s", answer).asInstanceOf(type(AtlassianApiException.class))
                .satisfies(e -> thrown[0] = e);
        calledAsDocumented(1);
        assertThat(thrown[0].status()).as("%s: status", answer).isEqualTo(answer.status());
        return thrown[0];
    }

    @Override
    public void close() {
        server.close();
        try {
            transport.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
