package io.github.atlassianlifecycle.client.organizations;

import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The body of {@code POST .../groups/search}: groups by exact name, or the groups some accounts belong to. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record GroupSearch(List<String> groupNames, List<String> accountIds, String cursor, Integer limit) {

    public GroupSearch {
        groupNames = groupNames == null ? List.of() : List.copyOf(groupNames);
        accountIds = accountIds == null ? List.of() : List.copyOf(accountIds);
        OrganizationsClient.checkLimit(limit);
    }

    public static GroupSearch all() {
        return new GroupSearch(null, null, null, null);
    }

    public static GroupSearch byNames(String... names) {
        return new GroupSearch(Arrays.asList(names), null, null, null);
    }

    /** The groups these accounts are members of. */
    public static GroupSearch byAccountIds(String... accountIds) {
        return new GroupSearch(null, Arrays.asList(accountIds), null, null);
    }

    /** Page size, 1 to 100 (the API's default is 20). */
    public GroupSearch withLimit(int pageSize) {
        return new GroupSearch(groupNames, accountIds, cursor, pageSize);
    }

    public GroupSearch withCursor(String pageCursor) {
        return new GroupSearch(groupNames, accountIds, pageCursor, limit);
    }
}
