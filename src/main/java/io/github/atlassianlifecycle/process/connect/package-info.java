/**
 * The Camunda Connect connector {@code atlassian}: the plugin's operations for {@code camunda:connector} service
 * tasks. Connect creates connectors through {@link java.util.ServiceLoader}, outside Spring; {@link
 * io.github.atlassianlifecycle.process.connect.ConnectorBridge} is the one place that hands them the Spring-built
 * runner.
 */
package io.github.atlassianlifecycle.process.connect;
