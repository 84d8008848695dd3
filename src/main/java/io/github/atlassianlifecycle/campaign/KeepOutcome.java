package io.github.atlassianlifecycle.campaign;

/** What a keep link did. Only {@link #KEPT} changed anything. */
public enum KeepOutcome {
    /** The row ended: the person keeps access. */
    KEPT,
    /** The link was used before (or its row ended otherwise): nothing changed. */
    ALREADY_USED,
    /** The notice period is over: nothing changed. */
    EXPIRED,
    /** The campaign was cancelled: nobody is disabled by it, nothing changed. */
    CANCELLED,
    /** Not a link this application issued, or not for any row it names: nothing changed. */
    INVALID,
    /** No keep-link key is configured, so no link can be checked. */
    UNAVAILABLE
}
