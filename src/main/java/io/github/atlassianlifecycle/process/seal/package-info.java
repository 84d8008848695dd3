/**
 * The seal on what the process decided and did: the engine's secret key and its HMAC, seals over variables, the
 * seal on the process's own state that every step checks, and the refusal when it was tampered with. Uses
 * {@code variables}.
 */
package io.github.atlassianlifecycle.process.seal;
