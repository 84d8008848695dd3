package io.github.atlassianlifecycle.client.organizations;

import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The body of {@code POST .../users/search}, the successor of the {@code GET .../users} listing (which stops working
 * after 2027-06-30) with the same filters: account ids, exact emails or a free-text term, the composite
 * {@code status}, {@code accountStatus}, {@code membershipStatus}, {@code claimStatus} and email domains.
 * {@code searchTerm} (free text over names and emails) and {@code emails} (exact addresses) exclude each other: the
 * API answers 400 to both, so this record refuses the combination before any call is made.
 *
 * @param claimStatus one value, not a list: {@code managed} or {@code unmanaged}; null for both
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record UserSearch(String cursor, Integer limit, List<String> accountIds, List<String> emails,
        String searchTerm, List<String> status, List<String> accountStatus, List<String> membershipStatus,
        String claimStatus, List<String> emailDomains, List<Expand> expand) {

    public UserSearch {
        accountIds = copy(accountIds);
        emails = copy(emails);
        status = copy(status);
        accountStatus = copy(accountStatus);
        membershipStatus = copy(membershipStatus);
        emailDomains = copy(emailDomains);
        expand = copy(expand);
        if (searchTerm != null && !searchTerm.isBlank() && !emails.isEmpty()) {
            throw new IllegalArgumentException("searchTerm and emails cannot be combined (the API answers 400)");
        }
        if (claimStatus != null && !claimStatus.equals("managed") && !claimStatus.equals("unmanaged")) {
            throw new IllegalArgumentException("claimStatus is managed or unmanaged");
        }
        OrganizationsClient.checkLimit(limit);
    }

    /** Every user of the directory. */
    public static UserSearch all() {
        return new UserSearch(null, null, null, null, null, null, null, null, null, null, null);
    }

    public static UserSearch byEmails(String... emails) {
        return all().withEmails(Arrays.asList(emails));
    }

    public static UserSearch byAccountIds(String... accountIds) {
        return new UserSearch(null, null, Arrays.asList(accountIds), null, null, null, null, null, null, null, null);
    }

    public static UserSearch bySearchTerm(String searchTerm) {
        return new UserSearch(null, null, null, null, searchTerm, null, null, null, null, null, null);
    }

    private UserSearch withEmails(List<String> wanted) {
        return new UserSearch(cursor, limit, accountIds, wanted, searchTerm, status, accountStatus, membershipStatus,
                claimStatus, emailDomains, expand);
    }

    /** Only users in one of these composite statuses ({@code active}, {@code suspended}, ...). */
    public UserSearch withStatus(String... wanted) {
        return new UserSearch(cursor, limit, accountIds, emails, searchTerm, Arrays.asList(wanted), accountStatus,
                membershipStatus, claimStatus, emailDomains, expand);
    }

    /** Only accounts in one of these lifecycle states ({@code active}, {@code inactive}, {@code closed}). */
    public UserSearch withAccountStatus(String... wanted) {
        return new UserSearch(cursor, limit, accountIds, emails, searchTerm, status, Arrays.asList(wanted),
                membershipStatus, claimStatus, emailDomains, expand);
    }

    /** Only users with one of these memberships ({@code active}, {@code suspended}, {@code no_membership}). */
    public UserSearch withMembershipStatus(String... wanted) {
        return new UserSearch(cursor, limit, accountIds, emails, searchTerm, status, accountStatus,
                Arrays.asList(wanted), claimStatus, emailDomains, expand);
    }

    /** Only managed (email on a claimed domain) or only unmanaged accounts. */
    public UserSearch withClaimStatus(String wanted) {
        return new UserSearch(cursor, limit, accountIds, emails, searchTerm, status, accountStatus, membershipStatus,
                wanted, emailDomains, expand);
    }

    /** Only users whose email is on one of these domains. */
    public UserSearch withEmailDomains(String... wanted) {
        return new UserSearch(cursor, limit, accountIds, emails, searchTerm, status, accountStatus, membershipStatus,
                claimStatus, Arrays.asList(wanted), expand);
    }

    public UserSearch withExpand(Expand... wanted) {
        return new UserSearch(cursor, limit, accountIds, emails, searchTerm, status, accountStatus, membershipStatus,
                claimStatus, emailDomains, Arrays.asList(wanted));
    }

    /** Page size, 1 to 100. */
    public UserSearch withLimit(int pageSize) {
        return new UserSearch(cursor, pageSize, accountIds, emails, searchTerm, status, accountStatus,
                membershipStatus, claimStatus, emailDomains, expand);
    }

    public UserSearch withCursor(String pageCursor) {
        return new UserSearch(pageCursor, limit, accountIds, emails, searchTerm, status, accountStatus,
                membershipStatus, claimStatus, emailDomains, expand);
    }

    /** Extra fields the search returns for each user only when asked. */
    public enum Expand {
        GROUPS("groups"),
        PRODUCT_ACCESS("productAccess"),
        PLATFORM_ROLES("platformRoles");

        private final String key;

        Expand(String key) {
            this.key = key;
        }

        @JsonValue
        public String key() {
            return key;
        }
    }

    private static <T> List<T> copy(List<T> values) {
        return values == null ? List.of() : List.copyOf(values);
    }
}
