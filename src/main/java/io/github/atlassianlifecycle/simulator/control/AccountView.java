package io.github.atlassianlifecycle.simulator.control;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.atlassianlifecycle.simulator.core.Account;
import io.github.atlassianlifecycle.simulator.core.SimulatorState;

/** How the control endpoints show an account: the whole picture across org, directory and products. */
final class AccountView {

    private AccountView() {
    }

    static Map<String, Object> of(Account account, SimulatorState state) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("accountId", account.accountId);
        view.put("email", account.email);
        view.put("name", account.name);
        view.put("accountType", account.accountType);
        view.put("claimStatus", account.managed ? "managed" : "unmanaged");
        view.put("accountStatus", account.accountStatus);
        view.put("membershipStatus", account.membershipStatus);
        view.put("status", account.orgStatus());
        view.put("forDeletion", account.forDeletion);
        view.put("deletionRequestedAt", account.deletionRequestedAt);
        view.put("deactivatedOn", account.deactivatedOn);
        view.put("managementSource", account.managementSource);
        view.put("externalDirectory", account.externalDirectory);
        view.put("orgGroups", SimulatorState.names(account.orgGroupIds, state.orgGroups()));
        view.put("suspendedOrgGroups", SimulatorState.names(account.suspendedGroupIds, state.orgGroups()));
        view.put("jiraGroups", SimulatorState.names(account.jiraGroupIds, state.jiraGroups()));
        view.put("confluenceGroups", SimulatorState.names(account.confluenceGroupIds, state.confluenceGroups()));
        view.put("inJira", account.inJira);
        view.put("scimId", account.scimId);
        view.put("externalId", account.externalId);
        view.put("title", account.title);
        view.put("department", account.department);
        view.put("platformRoles", account.platformRoles);
        view.put("lastActive", new LinkedHashMap<>(account.lastActive));
        view.put("apiTokens", account.apiTokens.size());
        return view;
    }
}
