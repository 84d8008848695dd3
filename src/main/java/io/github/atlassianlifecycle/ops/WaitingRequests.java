package io.github.atlassianlifecycle.ops;

/**
 * How many open requests wait where, counted by the engine in one query each (never instance by instance): what the
 * open-requests gauge splits the request store's open count by.
 */
public interface WaitingRequests {

    /** Running lifecycle instances at an approval task. */
    long forApproval();

    /** Deletions waiting out their grace period. */
    long forGracePeriod();
}
