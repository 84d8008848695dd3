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
import io.github.atlassianlifecycle.lifecycle.account.GroupRef;
import io.github.atlassianlifecycle.lifecycle.account.GroupResolver;
import io.github.atlassianlifecycle.lifecycle.account.ManagedBy;
import io.github.atlassianlifecycle.lifecycle.apply.CallResult;
import io.github.atlassianlifecycle.lifecycle.apply.PlanExecutor;
import io.github.atlassianlifecycle.lifecycle.plan.Plan;
import io.github.atlassianlifecycle.lifecycle.plan.PlanStep;
import io.github.atlassianlifecycle.lifecycle.plan.PlannedCall;

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
    }

    static AccountFacts active(ManagedBy managedBy) {
        return new AccountFacts(true, ACCOUNT, "ada.lovelace@demo.example", "Ada Lovelace", managedBy, "active",
                "active", false, managedBy == ManagedBy.SCIM ? "externalDirectory.scim" : null,
                managedBy == ManagedBy.SCIM ? "scim-ada" : null, List.of(ENGINEERING), true, List.of(JIRA_USERS),
                List.of(CONFLUENCE_USERS));
    }

    AccountFacts with(String accountStatus, String membershipStatus, List<GroupRef> jira, List<GroupRef> confluence) {
        return new AccountFacts(true, account.accountId(), account.email(), account.name(), account.managedBy(),
                accountStatus, membershipStatus, account.forDeletion(), account.lifecycleRestriction(),
                account.scimId(), account.orgGroups(), account.inJira(), jira, confluence);
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
            applied.add(call);
            change(call);
            results.add(new CallResult(call.id(), call.operation(), call.target(), CallResult.Outcome.APPLIED, Instant.now()));
        }
        return results;
    }

    /** What Atlassian does for each call. */
    private void change(PlannedCall call) {
        List<GroupRef> jira = new ArrayList<>(account.jiraGroups());
        List<GroupRef> confluence = new ArrayList<>(account.confluenceGroups());
        switch (call.operation()) {
            case DEACTIVATE, SCIM_DEACTIVATE -> account = with("inactive", account.membershipStatus(), jira, confluence);
            case REACTIVATE, SCIM_ACTIVATE -> account = with("active", account.membershipStatus(), jira, confluence);
            case SUSPEND -> account = with(account.accountStatus(), "suspended", jira, confluence);
            case RESTORE -> account = with(account.accountStatus(), "active", jira, confluence);
            case REMOVE_JIRA_GROUP -> {
                jira.removeIf(g -> g.id().equals(call.param("groupId")));
                account = with(account.accountStatus(), account.membershipStatus(), jira, confluence);
            }
            case REMOVE_CONFLUENCE_GROUP -> {
                confluence.removeIf(g -> g.id().equals(call.param("groupId")));
                account = with(account.accountStatus(), account.membershipStatus(), jira, confluence);
            }
            case ADD_JIRA_GROUP -> {
                jira.add(new GroupRef(call.param("groupId"), call.param("groupName")));
                account = with(account.accountStatus(), account.membershipStatus(), jira, confluence);
            }
            case ADD_CONFLUENCE_GROUP -> {
                confluence.add(new GroupRef(call.param("groupId"), call.param("groupName")));
                account = with(account.accountStatus(), account.membershipStatus(), jira, confluence);
            }
            default -> throw new UnsupportedOperationException("FakeAtlassian does not simulate " + call.operation());
        }
    }

    static LifecycleBusinessException refused(BusinessError error) {
        return new LifecycleBusinessException(error, "Atlassian refused: " + error, null);
    }

    static AtlassianApiException unavailable() {
        return AtlassianApiException.noAnswer(ApiFamily.USER_MANAGEMENT, "userManagement.disable", "timed out", null);
    }

    static AtlassianApiException rateLimited(Instant retryAt) {
        return new AtlassianApiException(ApiFamily.USER_MANAGEMENT, "userManagement.disable", 429, "rateLimited",
                null, null, null, retryAt, null, null);
    }

    /** Registers every bean the models name, wired to this fake. */
    void registerBeans() {
        Mocks.register("requesterListener", new RequesterListener());
        Mocks.register("validateLifecycleRequest",
                new ValidateRequestDelegate(new com.fasterxml.jackson.databind.ObjectMapper()));
        Mocks.register("planRequest", new PlanRequestDelegate(planner));
        Mocks.register("routeApproval", new RouteApprovalDelegate(Clock.systemUTC()));
        Mocks.register("approvalTaskListener",
                new ApprovalTaskListener(new RequestFingerprint(), Clock.systemUTC()));
        Mocks.register("remindApprovers", new RemindApproversDelegate());
        Mocks.register("recheckPlan", new RecheckPlanDelegate(planner));
        Mocks.register("takeSnapshot", new TakeSnapshotDelegate(planner, Clock.systemUTC()));
        Mocks.register("applyPlanStep", new ApplyPlanStepDelegate(executor));
        Mocks.register("verifyPlan", new VerifyPlanDelegate(planner));
        Mocks.register("undoDisable", new UndoDisableDelegate(planner, executor));
        Mocks.register("resolveFailureListener", new ResolveFailureListener());
        Mocks.register("lifecycleTimers",
                new LifecycleTimers(java.time.Duration.ofDays(1), java.time.Duration.ofDays(7), java.time.Duration.ofDays(30)));
    }
}
