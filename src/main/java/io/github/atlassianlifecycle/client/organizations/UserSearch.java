package io.github.atlassianlifecycle.client.organizations;

import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The body of {@code POST .../users/search}. {@code searchTerm} (free text over names and emails) and {@code emails}
 * (exact addresses) exclude each other: the API answers 400 to both, so this record refuses the combination before
 * any call is made.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record UserSearch(String cursor, Integer limit, List<String> accountIds, List<String> emails,
        String searchTerm, List<String> status, List<Expand> expand) {

    public UserSearch {
        accountIds = copy(accountIds);
        emails = copy(emails);
        status = copy(status);
        expand = copy(expand);
        if (searchTerm != null && !searchTerm.isBlank() && !emails.isEmpty()) {
            throw new IllegalArgumentException("searchTerm and emails cannot be combined (the API answers 400)");
        }
        OrganizationsClient.checkLimit(limit);
    }

    /** Every user of the directory. */
    public static UserSearch all() {
        return new UserSearch(null, null, null, null, null, null, null);
    }

    public static UserSearch byEmails(String... emails) {
        return new UserSearch(null, null, null, Arrays.asList(emails), null, null, null);
    }

    public static UserSearch byAccountIds(String... accountIds) {
        return new UserSearch(null, null, Arrays.asList(accountIds), null, null, null, null);
    }

    public static UserSearch bySearchTerm(String searchTerm) {
        return new UserSearch(null, null, null, null, searchTerm, null, null);
    }

    /** Only users in one of these composite statuses ({@code active}, {@code suspended}, ...). */
    public UserSearch withStatus(String... wanted) {
        return new UserSearch(cursor, limit, accountIds, emails, searchTerm, Arrays.asList(wanted), expand);
    }

    public UserSearch withExpand(Expand... wanted) {
        return new UserSearch(cursor, limit, accountIds, emails, searchTerm, status, Arrays.asList(wanted));
    }

    /** Page size, 1 to 100 (the API's default is 20). */
    public UserSearch withLimit(int pageSize) {
        return new UserSearch(cursor, pageSize, accountIds, emails, searchTerm, status, expand);
    }

    public UserSearch withCursor(String pageCursor) {
        return new UserSearch(pageCursor, limit, accountIds, emails, searchTerm, status, expand);
    }

    /** Extra fields the search can return for each user. */
    public enum Expand {
        GROUPS("groups"),
        PRODUCT_ACCESS("productAccess");

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
