package io.github.atlassianlifecycle.process;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.test.mock.Mocks;

import io.github.atlassianlifecycle.client.ApiFamily;
import io.github.atlassianlifecycle.client.AtlassianApiException;
import io.github.atlassianlifecycle.lifecycle.BusinessError;
import io.github.atlassianlifecycle.lifecycle.LifecycleBusinessException;
import io.github.atlassianlifecycle.lifecycle.LifecyclePolicy;
import io.github.atlassianlifecycle.lifecycle.RequestPlanner;
import io.github.atlassianlifecycle.lifecycle.account.AccountFacts;
import io.github.atlassianlifecycle.lifecycle.account.AccountInspector;
import io.github.atlassianlifecycle.lifecycle.account.GroupNamespace;
import io.github.atlassianlifecycle.lifecycle.account.GroupRef;
import io.github.atlassianlifecycle.lifecycle.account.GroupResolver;
import io.github.atlassianlifecycle.lifecycle.account.ManagedBy;
import io.github.atlassianlifecycle.lifecycle.apply.CallResult;
import io.github.atlassianlifecycle.lifecycle.apply.PlanExecutor;
import io.github.atlassianlifecycle.lifecycle.apply.ReadBack;
import io.github.atlassianlifecycle.lifecycle.plan.Plan;
import io.github.atlassianlifecycle.lifecycle.plan.PlanStep;
import io.github.atlassianlifecycle.lifecycle.plan.PlannedCall;
import io.github.atlassianlifecycle.process.decisions.ApprovalTaskListener;
import io.github.atlassianlifecycle.process.decisions.RemindApproversDelegate;
import io.github.atlassianlifecycle.process.decisions.ResolveFailureListener;
import io.github.atlassianlifecycle.process.steps.ApplyPlanStepDelegate;
import io.github.atlassianlifecycle.process.steps.CancelPendingDeletionDelegate;
import io.github.atlassianlifecycle.process.steps.PlanRequestDelegate;
import io.github.atlassianlifecycle.process.steps.RecheckDeletionDelegate;
import io.github.atlassianlifecycle.process.steps.RecheckPlanDelegate;
import io.github.atlassianlifecycle.process.steps.RouteApprovalDelegate;
import io.github.atlassianlifecycle.process.steps.TakeSnapshotDelegate;
import io.github.atlassianlifecycle.process.steps.UndoDisableDelegate;
import io.github.atlassianlifecycle.process.steps.ValidateRequestDelegate;
import io.github.atlassianlifecycle.process.steps.VerifyPlanDelegate;

/**
 * Atlassian for process tests, at the lifecycle layer's boundary: one account whose facts the real planners read
 * (through a mocked {@link AccountInspector}), and a mocked {@link PlanExecutor} that changes those facts the way
 * Atlassian would. Tests can make a read or a call fail, or change the account behind the process's back.
 */
final class FakeAtlassian {

    static final String ACCOUNT = "5b10ac8d82e05b22cc7d4ef5";
    static final GroupRef JIRA_USERS = new GroupRef("j-1", "jira-software-users");
    static final GroupRef CONFLUENCE_USERS = new GroupRef("c-1", "confluence-users");
    static final GroupRef ENGINEERING = new GroupRef("o-1", "engineering");

    AccountFacts account = active(ManagedBy.ORGANIZATION);
    final AccountInspector inspector = mock(AccountInspector.class);
    final GroupResolver groups = mock(GroupResolver.class);
    final PlanExecutor executor = mock(PlanExecutor.class);
    final ReadBack readBack = mock(ReadBack.class);
    final RequestPlanner planner;
    final List<PlannedCall> applied = new ArrayList<>();
    /** Thrown by the next read, once. */
    RuntimeException nextReadFailure;
    /** Thrown when a call of this step is applied, once. */
    RuntimeException nextApplyFailure;
    PlanStep failingStep;

    FakeAtlassian() {
        this(LifecyclePolicy.defaults());
    }

    FakeAtlassian(LifecyclePolicy policy) {
        planner = new RequestPlanner(inspector, groups, policy);
        when(inspector.byAccountId(anyString(), any())).thenAnswer(invocation -> read());
        when(inspector.byEmail(anyString(), any())).thenAnswer(invocation -> read());
        when(executor.apply(any(), any(), any())).thenAnswer(invocation -> apply(invocation.getArgument(0),
                invocation.getArgument(1), invocation.getArgument(2)));
        when(readBack.verify(any(), any(), any())).thenAnswer(invocation -> verify(invocation.getArgument(0),
                invocation.getArgument(1), invocation.getArgument(2)));
        when(groups.resolve(any())).thenAnswer(invocation -> resolve(invocation.getArgument(0)));
    }

    /**
     * Every requested group exists, with an id made from its namespace and name ({@code o-engineering},
     * {@code j-developers}, {@code c-space-editors}), except names starting with {@code unknown}.
     */
    private static List<GroupResolver.ResolvedGroup> resolve(List<String> requested) {
        List<GroupResolver.ResolvedGroup> resolved = new ArrayList<>();
        for (String name : requested) {
            GroupNamespace.RequestedGroup group = GroupNamespace.parse(name);
            if (group.name().startsWith("unknown")) {
                throw new LifecycleBusinessException(BusinessError.UNKNOWN_GROUP, "No such group: " + name, null);
            }
            String prefix = switch (group.namespace()) {
                case ORGANIZATION -> "o-";
                case JIRA -> "j-";
                case CONFLUENCE -> "c-";
            };
            resolved.add(new GroupResolver.ResolvedGroup(group.namespace(), prefix + group.name(), group.name(), false));
        }
        return resolved;
    }

    static AccountFacts active(ManagedBy managedBy) {
        return new AccountFacts(true, ACCOUNT, "ada.lovelace@demo.example", "Ada Lovelace", managedBy, "active",
                "active", false, managedBy == ManagedBy.SCIM ? "externalDirectory.scim" : null,
                managedBy == ManagedBy.SCIM ? "scim-ada" : null, List.of(ENGINEERING), true, List.of(JIRA_USERS),
                List.of(CONFLUENCE_USERS));
    }

    AccountFacts with(String accountStatus, String membershipStatus, List<GroupRef> jira, List<GroupRef> confluence) {
        MutableAccount a = new MutableAccount(account);
        a.accountStatus = accountStatus;
        a.membershipStatus = membershipStatus;
        a.jiraGroups = new ArrayList<>(jira);
        a.confluenceGroups = new ArrayList<>(confluence);
        return a.facts();
    }

    private AccountFacts read() {
        if (nextReadFailure != null) {
            RuntimeException failure = nextReadFailure;
            nextReadFailure = null;
            throw failure;
        }
        return account;
    }

    private List<CallResult> apply(Plan plan, PlanStep step, Set<String> skipped) {
        if (nextApplyFailure != null && step == failingStep) {
            RuntimeException failure = nextApplyFailure;
            nextApplyFailure = null;
            throw failure;
        }
        List<CallResult> results = new ArrayList<>();
        for (PlannedCall call : plan.calls(step)) {
            if (skipped.contains(call.id())) {
                results.add(new CallResult(call.id(), call.operation(), call.target(), CallResult.Outcome.SKIPPED, Instant.now()));
                continue;
            }
            // Like the real executor: a call that finds Atlassian already as planned changes nothing.
            AccountFacts before = account;
            change(call);
            if (account.equals(before)) {
                results.add(new CallResult(call.id(), call.operation(), call.target(), CallResult.Outcome.ALREADY_DONE, Instant.now()));
                continue;
            }
            applied.add(call);
            results.add(new CallResult(call.id(), call.operation(), call.target(), CallResult.Outcome.APPLIED, Instant.now()));
        }
        return results;
    }

    /** Like the real read-back: each call of the steps, not skipped, whose change does not show is left. */
    private ReadBack.Verified verify(Plan plan, Set<PlanStep> steps, Set<String> skipped) {
        AccountFacts now = read();
        List<PlannedCall> left = plan.calls().stream().filter(call -> steps.contains(call.step()))
                .filter(call -> !skipped.contains(call.id())).filter(call -> !after(now, call).equals(now)).toList();
        return new ReadBack.Verified(left, now);
    }

    /** What Atlassian does for each call. */
    private void change(PlannedCall call) {
        account = after(account, call);
    }

    private static AccountFacts after(AccountFacts before, PlannedCall call) {
        MutableAccount a = new MutableAccount(before);
        switch (call.operation()) {
            case DEACTIVATE, SCIM_DEACTIVATE -> a.accountStatus = "inactive";
            case REACTIVATE, SCIM_ACTIVATE -> a.accountStatus = "active";
            case SUSPEND -> a.membershipStatus = "suspended";
            case RESTORE -> a.membershipStatus = "active";
            case DELETE_ACCOUNT -> {
                a.forDeletion = true;
                a.accountStatus = "inactive";
            }
            case CANCEL_DELETION -> {
                a.forDeletion = false;
                a.accountStatus = "active";
            }
            case REMOVE_FROM_DIRECTORY -> {
                a.membershipStatus = "no_membership";
                a.orgGroups.clear();
            }
            case INVITE -> {
                if (!a.exists) {
                    a.create(call.param("email"), call.param("displayName"),
                            call.param("email").endsWith("@demo.example") ? ManagedBy.ORGANIZATION : ManagedBy.UNMANAGED);
                }
                a.membershipStatus = "active";
            }
            case SCIM_CREATE -> {
                if (!a.exists) {
                    a.create(call.param("email"), call.param("displayName"), ManagedBy.SCIM);
                }
                a.managedBy = ManagedBy.SCIM;
                a.lifecycleRestriction = "externalDirectory.scim";
                a.scimId = "scim-" + a.accountId;
            }
            case SCIM_DELETE -> {
                a.scimId = null;
                a.managedBy = ManagedBy.ORGANIZATION;
                a.lifecycleRestriction = null;
                a.accountStatus = "inactive";
            }
            case ADD_ORG_GROUP -> addIfAbsent(a.orgGroups, group(call));
            case REMOVE_ORG_GROUP -> a.orgGroups.removeIf(g -> g.id().equals(call.param("groupId")));
            case ADD_JIRA_GROUP -> {
                addIfAbsent(a.jiraGroups, group(call));
                a.inJira = true;
            }
            case REMOVE_JIRA_GROUP -> a.jiraGroups.removeIf(g -> g.id().equals(call.param("groupId")));
            case REMOVE_FROM_JIRA -> {
                a.inJira = false;
                a.jiraGroups.clear();
            }
            case ADD_CONFLUENCE_GROUP -> addIfAbsent(a.confluenceGroups, group(call));
            case REMOVE_CONFLUENCE_GROUP -> a.confluenceGroups.removeIf(g -> g.id().equals(call.param("groupId")));
        }
        return a.facts();
    }

    private static void addIfAbsent(List<GroupRef> groups, GroupRef group) {
        if (groups.stream().noneMatch(g -> g.id().equals(group.id()))) {
            groups.add(group);
        }
    }

    private static GroupRef group(PlannedCall call) {
        return new GroupRef(call.param("groupId"), call.param("groupName"));
    }

    /** The account while a call changes it. */
    static final class MutableAccount {
        boolean exists;
        String accountId;
        String email;
        String name;
        ManagedBy managedBy;
        String accountStatus;
        String membershipStatus;
        boolean forDeletion;
        String lifecycleRestriction;
        String scimId;
        List<GroupRef> orgGroups;
        boolean inJira;
        List<GroupRef> jiraGroups;
        List<GroupRef> confluenceGroups;

        MutableAccount(AccountFacts facts) {
            exists = facts.exists();
            accountId = facts.accountId();
            email = facts.email();
            name = facts.name();
            managedBy = facts.managedBy();
            accountStatus = facts.accountStatus();
            membershipStatus = facts.membershipStatus();
            forDeletion = facts.forDeletion();
            lifecycleRestriction = facts.lifecycleRestriction();
            scimId = facts.scimId();
            orgGroups = new ArrayList<>(facts.orgGroups());
            inJira = facts.inJira();
            jiraGroups = new ArrayList<>(facts.jiraGroups());
            confluenceGroups = new ArrayList<>(facts.confluenceGroups());
        }

        void create(String newEmail, String displayName, ManagedBy owner) {
            exists = true;
            accountId = "new-account-" + Math.abs(newEmail.hashCode());
            email = newEmail;
            name = displayName;
            managedBy = owner;
            accountStatus = "active";
            membershipStatus = "active";
        }

        AccountFacts facts() {
            return new AccountFacts(exists, accountId, email, name, managedBy, accountStatus, membershipStatus,
                    forDeletion, lifecycleRestriction, scimId, orgGroups, inJira, jiraGroups, confluenceGroups);
        }
    }

    static LifecycleBusinessException refused(BusinessError error) {
        return new LifecycleBusinessException(error, "Atlassian refused: " + error, null);
    }

    static AtlassianApiException unavailable() {
        return AtlassianApiException.noAnswer(ApiFamily.USER_MANAGEMENT, "userManagement.disable", "timed out", null);
    }

    /** The user management disable endpoint answering 410 Gone, as a retired endpoint would. */
    static AtlassianApiException endpointGone() {
        return AtlassianApiException.endpointUnavailable(ApiFamily.USER_MANAGEMENT, "userManagement.disable", 410,
                "POST", "/users/{}/manage/lifecycle/disable", null, null, null);
    }

    /** The organizations API not knowing the configured organization, as the organizations client reports it. */
    static AtlassianApiException organizationNotFound() {
        return AtlassianApiException.misconfigured(new AtlassianApiException(ApiFamily.ORGANIZATIONS,
                "organizations.suspend", 404, "ADMIN-UAM-404-2", null, "Organization not found", null, null, null,
                null), "atlassian.org-id", "Atlassian knows no organization of that id");
    }

    static AtlassianApiException rateLimited(Instant retryAt) {
        return new AtlassianApiException(ApiFamily.USER_MANAGEMENT, "userManagement.disable", 429, "rateLimited",
                null, null, null, retryAt, null, null);
    }

    /** Registers every bean the models name, wired to this fake. */
    void registerBeans() {
        Mocks.register("validateLifecycleRequest",
                new ValidateRequestDelegate(new com.fasterxml.jackson.databind.ObjectMapper()));
        Mocks.register("planRequest", new PlanRequestDelegate(planner));
        Mocks.register("routeApproval", new RouteApprovalDelegate(Clock.systemUTC()));
        Mocks.register("approvalTaskListener", new ApprovalTaskListener(Clock.systemUTC()));
        Mocks.register("remindApprovers", new RemindApproversDelegate());
        Mocks.register("recheckPlan", new RecheckPlanDelegate(planner));
        Mocks.register("recheckDeletion", new RecheckDeletionDelegate(planner));
        Mocks.register("cancelPendingDeletion", new CancelPendingDeletionDelegate());
        Mocks.register("takeSnapshot", new TakeSnapshotDelegate(Clock.systemUTC()));
        Mocks.register("applyPlanStep", new ApplyPlanStepDelegate(executor));
        Mocks.register("verifyPlan", new VerifyPlanDelegate(readBack));
        Mocks.register("undoDisable", new UndoDisableDelegate(planner, executor));
        Mocks.register("resolveFailureListener", new ResolveFailureListener(Clock.systemUTC()));
        Mocks.register("notifyApprovers", new io.github.atlassianlifecycle.process.notify.NotifyApproversListener(
                io.github.atlassianlifecycle.process.notify.ProcessMail.OFF));
        Mocks.register("escalateApproval", new io.github.atlassianlifecycle.process.notify.EscalateApprovalDelegate(
                io.github.atlassianlifecycle.process.notify.ProcessMail.OFF));
        Mocks.register("notifyRequester", new io.github.atlassianlifecycle.process.notify.NotifyRequesterListener(
                io.github.atlassianlifecycle.process.notify.ProcessMail.OFF));
        Mocks.register("lifecycleTimers",
                new LifecycleTimers(java.time.Duration.ofDays(1), java.time.Duration.ofDays(3),
                        java.time.Duration.ofDays(7), java.time.Duration.ofDays(30), "R5/PT1M"));
    }
}
