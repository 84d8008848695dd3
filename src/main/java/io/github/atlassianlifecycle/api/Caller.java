package io.github.atlassianlifecycle.api;

import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

import io.github.atlassianlifecycle.request.RequestService;

/**
 * Who is calling the request API and what their groups let them do. Groups come from Camunda's identity service
 * (authorities {@code GROUP_<id>}).
 */
public record Caller(String userId, Set<String> groups) {

    static final String AUTOMATION = "lifecycle-automation";
    static final String APPROVERS = "lifecycle-approvers";
    static final String SECURITY = "lifecycle-security";
    static final String ADMINS = "camunda-admin";

    public static Caller of(Authentication authentication) {
        return new Caller(authentication.getName(), authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).filter(a -> a.startsWith("GROUP_"))
                .map(a -> a.substring("GROUP_".length())).collect(Collectors.toUnmodifiableSet()));
    }

    boolean isAdmin() {
        return groups.contains(ADMINS);
    }

    public boolean maySubmit() {
        return RequestService.SUBMITTER_GROUPS.stream().anyMatch(groups::contains);
    }

    /** Security officers, automation and administrators start and read reconciliations (every account's drift). */
    /** A security officer: who cancels an inactivity campaign. */
    public boolean isSecurity() {
        return groups.contains(SECURITY);
    }

    public boolean mayReconcile() {
        return groups.contains(SECURITY) || groups.contains(AUTOMATION) || isAdmin();
    }

    /** Approvers and security officers see every request (they decide on them); admins see everything. */
    public boolean seesAllRequests() {
        return groups.contains(APPROVERS) || groups.contains(SECURITY) || isAdmin();
    }

    public boolean mayRead(String requester) {
        return seesAllRequests() || userId.equals(requester);
    }

    private boolean mayChange(String requester) {
        return isAdmin() || userId.equals(requester);
    }

    /** Withdraws a request: its requester, or an administrator. */
    public boolean mayCancel(String requester) {
        return mayChange(requester);
    }

    /** Undoes a request: its requester or an administrator, and one who submits (an undo may be a new request). */
    public boolean mayUndo(String requester) {
        return mayChange(requester) && maySubmit();
    }
}
