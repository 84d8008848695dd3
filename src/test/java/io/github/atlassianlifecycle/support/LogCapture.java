package io.github.atlassianlifecycle.support;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.AppenderBase;

/**
 * Captures every log event of the JVM, with every logger turned up to TRACE while it is open, so a test can prove
 * that a secret appears in no log line (message, arguments or any exception in the chain).
 */
public final class LogCapture extends AppenderBase<ILoggingEvent> implements AutoCloseable {

    private final List<String> lines = new ArrayList<>();
    private final Map<Logger, Level> previousLevels = new HashMap<>();
    private final Logger root;
    private Appender<ILoggingEvent> console;
    private AppenderBase<ILoggingEvent> consoleGate;

    private LogCapture() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        setContext(context);
        start();
        root.addAppender(this);
        for (Logger logger : context.getLoggerList()) {
            previousLevels.put(logger, logger.getLevel());
            logger.setLevel(Level.TRACE);
        }
        for (String name : List.of("org.apache.http", "org.apache.http.headers", "org.apache.http.wire",
                "org.camunda", "io.github.atlassianlifecycle", "org.springframework.web")) {
            Logger logger = context.getLogger(name);
            if (!previousLevels.containsKey(logger)) { // putIfAbsent would overwrite a remembered null level
                previousLevels.put(logger, logger.getLevel());
            }
            logger.setLevel(Level.TRACE);
        }
    }

    public static LogCapture everything() {
        return new LogCapture();
    }

    /**
     * While open, the console shows only INFO and above (the capture still gets everything), so a long capture at
     * TRACE does not flood the build output.
     */
    public LogCapture quietConsole() {
        Appender<ILoggingEvent> found = root.getAppender("CONSOLE");
        if (found == null || consoleGate != null) {
            return this;
        }
        console = found;
        consoleGate = new AppenderBase<>() {
            @Override
            protected void append(ILoggingEvent event) {
                if (event.getLevel().isGreaterOrEqual(Level.INFO)) {
                    found.doAppend(event);
                }
            }
        };
        consoleGate.setContext(getContext());
        consoleGate.setName("console-info-and-above");
        consoleGate.start();
        root.addAppender(consoleGate);
        root.detachAppender(console);
        return this;
    }

    @Override
    protected synchronized void append(ILoggingEvent event) {
        StringBuilder line = new StringBuilder(event.getLoggerName()).append(' ').append(event.getFormattedMessage());
        for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
            line.append(" | ").append(t.getClassName()).append(": ").append(t.getMessage());
            for (StackTraceElementProxy frame : t.getStackTraceElementProxyArray()) {
                line.append(' ').append(frame.getSTEAsString());
            }
        }
        lines.add(line.toString());
    }

    public synchronized List<String> lines() {
        return new ArrayList<>(lines);
    }

    @Override
    public void close() {
        root.detachAppender(this);
        stop();
        if (consoleGate != null) {
            root.addAppender(console);
            root.detachAppender(consoleGate);
            consoleGate.stop();
        }
        // Parents first: a logger given back a null level takes its parent's level at that moment.
        previousLevels.entrySet().stream()
                .sorted(java.util.Comparator.comparingInt(e -> e.getKey() == root ? -1 : e.getKey().getName().length()))
                .forEach(e -> e.getKey().setLevel(e.getValue()));
    }
}
