package io.github.atlassianlifecycle.lifecycle.reconcile.source;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A person as one product showed them: Jira and Confluence by Atlassian account id (through their groups' member
 * lists), Bitbucket Data Center by user name and email (its own user base; the email is the only link).
 *
 * @param accountId null for Bitbucket
 * @param name the Bitbucket user name; null for the site products
 * @param person whether the product calls it a person (Jira and Confluence {@code accountType atlassian},
 *        Bitbucket {@code NORMAL}) rather than an app, a bot or a service account
 * @param active whether the product lets it in (Jira shows deactivated and suspended accounts inactive)
 * @param groups the product's groups it is in, as far as this read saw them
 */
public record ProductPresence(Product product, String accountId, String name, String email, boolean person,
        boolean active, Set<String> groups, Instant readAt) {

    public ProductPresence {
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(readAt, "readAt");
        if (accountId == null && name == null) {
            throw new IllegalArgumentException("a presence needs an account id or a name");
        }
        groups = Set.copyOf(groups);
    }

    /** Which person in this product: pages of one product that show the same key are merged. */
    public String key() {
        return product + ":" + (accountId != null ? accountId : name.toLowerCase(java.util.Locale.ROOT));
    }

    /** This presence and another page's view of the same person: the groups add up. */
    public ProductPresence merge(ProductPresence other) {
        Set<String> all = new TreeSet<>(groups);
        all.addAll(other.groups);
        Instant latest = readAt.isAfter(other.readAt) ? readAt : other.readAt;
        return new ProductPresence(product, accountId, name, email != null ? email : other.email,
                person && other.person, active || other.active, all, latest);
    }

    /** Holding something the product counts: a group, or (Bitbucket, where every active user is licensed) a login. */
    public boolean holdsAccess() {
        return !groups.isEmpty() || (product == Product.BITBUCKET && active);
    }

    public String describe() {
        return (active ? "active" : "inactive") + (groups.isEmpty() ? "" : " in groups " + new TreeSet<>(groups));
    }
}
