package io.github.atlassianlifecycle.client.transport;

import java.util.concurrent.atomic.AtomicLong;

import org.apache.http.config.ConnectionConfig;
import org.apache.http.conn.HttpConnectionFactory;
import org.apache.http.conn.ManagedHttpClientConnection;
import org.apache.http.conn.routing.HttpRoute;
import org.apache.http.impl.conn.DefaultManagedHttpClientConnection;

/**
 * Connections that never log what they send. Apache HttpClient's default connections write every request header
 * (the {@code Authorization} header included) to the {@code org.apache.http.headers} logger at DEBUG, and the
 * whole exchange to {@code org.apache.http.wire}; anyone who turns up logging to debug a problem would print the
 * keys. These connections leave both loggers out, whatever their level.
 */
final class UnloggedConnectionFactory implements HttpConnectionFactory<HttpRoute, ManagedHttpClientConnection> {

    private static final AtomicLong COUNTER = new AtomicLong();

    @Override
    public ManagedHttpClientConnection create(HttpRoute route, ConnectionConfig config) {
        ConnectionConfig effective = config != null ? config : ConnectionConfig.DEFAULT;
        // null strategies and factories mean HttpClient's defaults; null charset coders mean plain ASCII headers.
        return new DefaultManagedHttpClientConnection("atlassian-" + COUNTER.getAndIncrement(),
                effective.getBufferSize(), effective.getFragmentSizeHint(), null, null,
                effective.getMessageConstraints(), null, null, null, null);
    }
}
