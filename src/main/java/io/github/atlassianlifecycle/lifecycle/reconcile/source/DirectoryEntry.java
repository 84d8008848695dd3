package io.github.atlassianlifecycle.lifecycle.reconcile.source;

import java.time.Instant;
import java.util.Objects;

/**
 * A directory user as one page of the organizations search showed it, with its latest product activity (the search's
 * {@code productAccess}), or null when it never used a product.
 */
public record DirectoryEntry(String accountId, String email, String accountType, String status, String accountStatus,
        String membershipStatus, boolean forDeletion, Instant addedToOrg, Instant lastActive, String lastActiveProduct,
        Instant readAt) {

    /** The only account type a person has; apps and customer accounts are never proposed. */
    public static final String PERSON = "atlassian";

    public DirectoryEntry {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(readAt, "readAt");
    }

    public boolean isPerson() {
        return PERSON.equals(accountType);
    }

    /** Account and membership active: the person can use the directory's apps. */
    public boolean isActive() {
        return "active".equals(status);
    }

    public boolean isSuspendedOrDeactivated() {
        return "suspended".equals(membershipStatus) || "inactive".equals(accountStatus);
    }

    /** Removed from the directory: for the products it is as good as absent. */
    public boolean hasNoMembership() {
        return "no_membership".equals(membershipStatus);
    }

    public String describe() {
        return "status=" + status + " accountStatus=" + accountStatus + " membershipStatus=" + membershipStatus
                + (forDeletion ? " forDeletion=true" : "");
    }
}
