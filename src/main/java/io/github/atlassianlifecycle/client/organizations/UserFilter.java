package io.github.atlassianlifecycle.client.organizations;

import java.util.Arrays;
import java.util.List;

/**
 * Filters of the (deprecated, still supported) {@code GET .../users} listing, sent as repeated query parameters.
 * Prefer {@link UserSearch}; this exists because the GET listing filters on statuses and email domains, which
 * reconciliation needs.
 */
public record UserFilter(List<String> accountIds, List<String> status, List<String> accountStatus,
        List<String> membershipStatus, List<String> claimStatus, List<String> emailDomains, String searchTerm) {

    public UserFilter {
        accountIds = copy(accountIds);
        status = copy(status);
        accountStatus = copy(accountStatus);
        membershipStatus = copy(membershipStatus);
        claimStatus = copy(claimStatus);
        emailDomains = copy(emailDomains);
    }

    /** No filter: every user of the directory. */
    public static UserFilter none() {
        return new UserFilter(null, null, null, null, null, null, null);
    }

    public UserFilter withAccountIds(String... values) {
        return new UserFilter(Arrays.asList(values), status, accountStatus, membershipStatus, claimStatus,
                emailDomains, searchTerm);
    }

    public UserFilter withStatus(String... values) {
        return new UserFilter(accountIds, Arrays.asList(values), accountStatus, membershipStatus, claimStatus,
                emailDomains, searchTerm);
    }

    public UserFilter withAccountStatus(String... values) {
        return new UserFilter(accountIds, status, Arrays.asList(values), membershipStatus, claimStatus,
                emailDomains, searchTerm);
    }

    public UserFilter withMembershipStatus(String... values) {
        return new UserFilter(accountIds, status, accountStatus, Arrays.asList(values), claimStatus,
                emailDomains, searchTerm);
    }

    public UserFilter withClaimStatus(String... values) {
        return new UserFilter(accountIds, status, accountStatus, membershipStatus, Arrays.asList(values),
                emailDomains, searchTerm);
    }

    public UserFilter withEmailDomains(String... values) {
        return new UserFilter(accountIds, status, accountStatus, membershipStatus, claimStatus,
                Arrays.asList(values), searchTerm);
    }

    public UserFilter withSearchTerm(String value) {
        return new UserFilter(accountIds, status, accountStatus, membershipStatus, claimStatus, emailDomains, value);
    }

    private static List<String> copy(List<String> values) {
        return values == null ? List.of() : List.copyOf(values);
    }
}
