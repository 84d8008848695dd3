package io.github.atlassianlifecycle.process.connect;

import java.util.concurrent.atomic.AtomicReference;

import io.github.atlassianlifecycle.lifecycle.operation.OperationRunner;

/**
 * The one bridge from Connect's {@link java.util.ServiceLoader}-made connector to the runner Spring builds: the
 * auto-configuration {@link #connect connects} it when the plugin's context is up and {@link #disconnect
 * disconnects} it when that context closes. A connector task that runs while nothing is connected fails with a
 * message saying so, rather than with a null pointer.
 *
 * <p>Static because Connect keeps its connectors per class loader, not per Spring context; with two plugin contexts
 * in one JVM the last one connected serves.
 */
public final class ConnectorBridge {

    private static final AtomicReference<OperationRunner> RUNNER = new AtomicReference<>();

    private ConnectorBridge() {
    }

    static void connect(OperationRunner runner) {
        RUNNER.set(runner);
    }

    static void disconnect(OperationRunner runner) {
        RUNNER.compareAndSet(runner, null);
    }

    static OperationRunner runner() {
        OperationRunner runner = RUNNER.get();
        if (runner == null) {
            throw new IllegalStateException("The 'atlassian' connector has no runner: the atlassian-lifecycle "
                    + "plugin's Spring context is not up (is the plugin's auto-configuration excluded?)");
        }
        return runner;
    }
}
