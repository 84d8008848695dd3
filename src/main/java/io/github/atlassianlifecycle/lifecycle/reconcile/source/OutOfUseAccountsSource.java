package io.github.atlassianlifecycle.lifecycle.reconcile.source;

import java.util.Set;

/**
 * A source that reads about the directory's suspended and deactivated people, whom a product's own listings leave
 * out: the reconciler tells it who they are once the directory is read.
 */
public interface OutOfUseAccountsSource {

    /** The account ids of the directory's people suspended or deactivated in the organization. */
    void outOfUse(Set<String> accountIds);
}
