package io.github.atlassianlifecycle.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Sets {@code server.port} to a free loopback port before the context starts, for tests whose settings must know
 * the port up front: the demo profile's Atlassian URLs point at the simulator on this application's own port
 * ({@code http://127.0.0.1:${server.port}/sim/api}), which a random port ({@code server.port=0}) would leave
 * unknown until the server has started. Use with {@code WebEnvironment.DEFINED_PORT}.
 */
public class FreeLoopbackPort implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment().getPropertySources().addFirst(
                new MapPropertySource("freeLoopbackPort", Map.of("server.port", free())));
    }

    /** A port free on the loopback address now (for a server this test starts, in its process or another). */
    public static int free() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }
}
