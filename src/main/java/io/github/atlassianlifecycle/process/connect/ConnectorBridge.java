package io.github.atlassianlifecycle.process.connect;

import java.util.concurrent.ConcurrentLinkedDeque;

import io.github.atlassianlifecycle.lifecycle.operation.OperationRunner;

/**
 * The one bridge from Connect's {@link java.util.ServiceLoader}-made connector to the runner Spring builds: the
 * auto-configuration {@link #connect connects} it when the plugin's context is up and {@link #disconnect
 * disconnects} it when that context closes. A connector task that runs while nothing is connected fails with a
 * message saying so, rather than with a null pointer.
 *
 * <p>Static because Connect keeps its connectors per class loader, not per Spring context. With several plugin
 * contexts in one JVM (tests do this) the one connected last of those still open serves: closing one hands the
 * connector back to the one before, instead of leaving it with none.
 */
public final class ConnectorBridge {

    /** The runners of the open contexts, the one connected last first. */
    private static final ConcurrentLinkedDeque<OperationRunner> RUNNERS = new ConcurrentLinkedDeque<>();

    private ConnectorBridge() {
    }

    static void connect(OperationRunner runner) {
        RUNNERS.addFirst(runner);
    }

    static void disconnect(OperationRunner runner) {
        RUNNERS.removeFirstOccurrence(runner);
    }

    static OperationRunner runner() {
        OperationRunner runner = RUNNERS.peekFirst();
        if (runner == null) {
            throw new IllegalStateException("The 'atlassian' connector has no runner: the atlassian-lifecycle "
                    + "plugin's Spring context is not up (is the plugin's auto-configuration excluded?)");
        }
        return runner;
    }
}
