/**
 * How the plugin sets up the engine it runs in: what it requires of it, the deployment of the models, the lifecycle
 * groups' ids and authorizations (those on single instances the listeners make, and engine work done without the
 * caller's), and failed jobs: a rate limit waits without spending a retry, a tampered state raises an incident at
 * once. Uses {@code seal}.
 */
package io.github.atlassianlifecycle.process.engine;
