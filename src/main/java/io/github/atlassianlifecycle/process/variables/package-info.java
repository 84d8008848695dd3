/**
 * The process variables: their names, shared by the models and the Java side (and which of them a start, an
 * approval or a resolution may set, and which are the process's own state), how JSON variables are written and
 * read, and the request as its variables give it. Uses no other room of {@code process}.
 */
package io.github.atlassianlifecycle.process.variables;
