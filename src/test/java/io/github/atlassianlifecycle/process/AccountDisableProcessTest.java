package io.github.atlassianlifecycle.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.atlassianlifecycle.client.ApiFamily;
import io.github.atlassianlifecycle.client.AtlassianApiException;
import io.github.atlassianlifecycle.client.usermanagement.ManagedAccountProfile;
import io.github.atlassianlifecycle.client.usermanagement.UserManagementClient;
import io.github.atlassianlifecycle.lifecycle.AccountDisabler;

@Deployment(resources = { "atlassian-lifecycle/account-disable.bpmn", "atlassian-lifecycle/approve-request.form" })
class AccountDisableProcessTest {

    @RegisterExtension
    static ProcessEngineExtension extension = ProcessEngineExtension.builder()
            .useProcessEngine(ProcessTestEngine.get()).build();

    static final String ACCOUNT = "5b10ac8d82e05b22cc7d4ef5";

    ProcessEngine engine;
    UserManagementClient userManagement = mock(UserManagementClient.class);

    @BeforeEach
    void registerBeans() {
        engine = extension.getProcessEngine();
        Mocks.register("requesterListener", new RequesterListener());
        Mocks.register("validateLifecycleRequest", new ValidateRequestDelegate(new ObjectMapper()));
        Mocks.register("approvalTaskListener", new ApprovalTaskListener(new RequestFingerprint()));
        Mocks.register("disableAccount", new DisableAccountDelegate(new AccountDisabler(userManagement)));
        when(userManagement.profile(anyString())).thenReturn(profile("active"));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        identity().clearAuthentication();
    }

    @Test
    void approved_disable_deactivates_the_account_and_ends_completed() {
        ProcessInstance instance = startAs("requester", request(ACCOUNT));
        assertThat(instance).isWaitingAt("approve");
        assertThat(task(instance)).hasCandidateGroup("lifecycle-approvers");

        completeAs("approver", task(instance), Map.of("approved", true));
        assertThat(instance).isWaitingAt("disable");
        execute(job(instance));

        assertThat(instance).isEnded().hasPassed("end-disabled")
                .variables().containsEntry("outcome", "completed").containsEntry("approver", "approver")
                .containsEntry("stepResult", "DISABLED");
        verify(userManagement).disable(ACCOUNT, null);
    }

    @Test
    void an_account_already_inactive_counts_as_done_without_a_second_call() {
        when(userManagement.profile(ACCOUNT)).thenReturn(profile("inactive"));
        ProcessInstance instance = startAs("requester", request(ACCOUNT));
        completeAs("approver", task(instance), Map.of("approved", true));
        execute(job(instance));

        assertThat(instance).isEnded().hasPassed("end-disabled").variables()
                .containsEntry("stepResult", "ALREADY_INACTIVE");
        verify(userManagement, never()).disable(anyString(), any());
    }

    @Test
    void a_form_decision_sent_as_text_is_accepted() {
        ProcessInstance instance = startAs("requester", request(ACCOUNT));
        completeAs("approver", task(instance), Map.of("approved", "true"));
        assertThat(instance).isWaitingAt("disable").variables().containsEntry("approved", true);
    }

    @Test
    void rejected_disable_ends_rejected_and_calls_nothing() {
        ProcessInstance instance = startAs("requester", request(ACCOUNT));
        completeAs("approver", task(instance), Map.of("approved", false, "comment", "not this one"));

        assertThat(instance).isEnded().hasPassed("end-rejected").variables().containsEntry("outcome", "rejected");
        verify(userManagement, never()).disable(anyString(), any());
        verify(userManagement, never()).profile(anyString());
    }

    @Test
    void rejecting_without_a_comment_is_refused_and_the_task_stays_open() {
        ProcessInstance instance = startAs("requester", request(ACCOUNT));
        Task approval = task(instance);
        assertThatThrownBy(() -> completeAs("approver", approval, Map.of("approved", false)))
                .hasMessageContaining("comment is required");
        assertThat(instance).isWaitingAt("approve");
    }

    @Test
    void completing_without_a_decision_is_refused() {
        ProcessInstance instance = startAs("requester", request(ACCOUNT));
        Task approval = task(instance);
        assertThatThrownBy(() -> completeAs("approver", approval, Map.of("approved", "maybe")))
                .hasMessageContaining("approved");
        assertThat(instance).isWaitingAt("approve");
    }

    @Test
    void requester_cannot_complete_own_approval() {
        ProcessInstance instance = startAs("requester", request(ACCOUNT));
        Task approval = task(instance);
        assertThatThrownBy(() -> completeAs("requester", approval, Map.of("approved", true)))
                .hasRootCauseInstanceOf(AuthorizationException.class).hasMessageContaining("Four eyes");
        assertThat(instance).isWaitingAt("approve");
        verify(userManagement, never()).disable(anyString(), any());
    }

    @Test
    void requester_cannot_claim_own_approval() {
        ProcessInstance instance = startAs("requester", request(ACCOUNT));
        String taskId = task(instance).getId();
        assertThatThrownBy(() -> tasks().claim(taskId, "requester")).hasRootCauseInstanceOf(AuthorizationException.class);
        assertThat(task(instance)).isNotAssigned();
        assertThat(instance).isWaitingAt("approve");
    }

    @Test
    void an_approval_cannot_change_the_account_it_approves() {
        ProcessInstance instance = startAs("requester", request(ACCOUNT));
        Task approval = task(instance);
        assertThatThrownBy(() -> completeAs("approver", approval,
                Map.of("approved", true, "accountId", "someone-else")))
                .hasRootCauseInstanceOf(AuthorizationException.class).hasMessageContaining("changed");
        assertThat(instance).isWaitingAt("approve").variables().containsEntry("accountId", ACCOUNT);
    }

    @Test
    void an_approval_without_an_authenticated_user_is_refused() {
        ProcessInstance instance = startAs("requester", request(ACCOUNT));
        identity().clearAuthentication();
        String taskId = task(instance).getId();
        assertThatThrownBy(() -> tasks().complete(taskId, Map.of("approved", true)))
                .hasRootCauseInstanceOf(AuthorizationException.class).hasMessageContaining("authenticated");
        assertThat(instance).isWaitingAt("approve");
    }

    @Test
    void an_account_atlassian_does_not_let_us_manage_ends_failed_with_the_reason() {
        when(userManagement.profile(ACCOUNT)).thenThrow(new AtlassianApiException(ApiFamily.USER_MANAGEMENT,
                "userManagement.profile", 403, "forbidden.unclaimedDomain", null, "domain partner.example", null,
                null, null, null));
        ProcessInstance instance = startAs("requester", request(ACCOUNT));
        completeAs("approver", task(instance), Map.of("approved", true));
        execute(job(instance));

        assertThat(instance).isEnded().hasPassed("end-failed").variables()
                .containsEntry("outcome", "failed").containsEntry("failureCode", "ACCOUNT_NOT_MANAGED");
    }

    @Test
    void a_transient_failure_leaves_the_job_for_a_retry() {
        when(userManagement.profile(ACCOUNT)).thenThrow(AtlassianApiException.noAnswer(ApiFamily.USER_MANAGEMENT,
                "userManagement.profile", "timed out", null));
        ProcessInstance instance = startAs("requester", request(ACCOUNT));
        completeAs("approver", task(instance), Map.of("approved", true));

        Job disable = job(instance);
        assertThatThrownBy(() -> engine.getManagementService().executeJob(disable.getId()))
                .isInstanceOf(AtlassianApiException.class);
        assertThat(instance).isWaitingAt("disable");
        assertThat(job(instance).getRetries()).isEqualTo(4);
        assertThat(job(instance).getExceptionMessage()).contains("timed out");
    }

    @Test
    void a_rate_limited_call_waits_for_atlassians_reset_without_using_up_a_retry() {
        Instant retryAt = Instant.now().plusSeconds(90);
        when(userManagement.profile(ACCOUNT)).thenThrow(new AtlassianApiException(ApiFamily.USER_MANAGEMENT,
                "userManagement.profile", 429, "rateLimited", null, null, null, retryAt, null, null));
        ProcessInstance instance = startAs("requester", request(ACCOUNT));
        completeAs("approver", task(instance), Map.of("approved", true));

        for (int attempt = 0; attempt < 3; attempt++) {
            Job disable = job(instance);
            assertThatThrownBy(() -> engine.getManagementService().executeJob(disable.getId()))
                    .isInstanceOf(AtlassianApiException.class);
        }
        Job waiting = job(instance);
        assertThat(waiting.getRetries()).isEqualTo(5);
        assertThat(waiting.getDuedate().toInstant()).isBetween(retryAt, retryAt.plusSeconds(1));
        assertThat(waiting.getExceptionMessage()).contains("429");
        assertThat(instance).isWaitingAt("disable");
    }

    static Stream<Arguments> invalidRequests() {
        return Stream.of(
                Arguments.of("no account", map("reason", "left the company"), "accountId: is required"),
                Arguments.of("bad account id", map("accountId", "abc/../x", "reason", "r"), "accountId: must be"),
                Arguments.of("no reason", map("accountId", ACCOUNT), "reason: is required"),
                Arguments.of("blank reason", map("accountId", ACCOUNT, "reason", "   "), "reason: is required"),
                Arguments.of("unknown reason code", map("accountId", ACCOUNT, "reason", "r", "reasonCode", "BORED"),
                        "reasonCode: must be one of"),
                Arguments.of("account id of the wrong type", map("accountId", 42, "reason", "r"),
                        "accountId: must be a string"),
                Arguments.of("groups on a disable", map("accountId", ACCOUNT, "reason", "r", "groups", "[\"x\"]"),
                        "groups: is only for adding"),
                Arguments.of("supplied requester", map("accountId", ACCOUNT, "reason", "r", "requester", "ceo"),
                        "requester: is the authenticated user"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidRequests")
    void an_invalid_request_ends_invalid_without_a_task_or_a_call(String name, Map<String, Object> variables,
            String expectedProblem) {
        ProcessInstance instance = startAs("requester", variables);

        assertThat(instance).isEnded().hasPassed("end-invalid").variables().containsEntry("outcome", "invalid")
                .containsEntry("valid", false);
        assertThat((String) variable(instance, "validationErrors")).contains(expectedProblem);
        verify(userManagement, never()).profile(anyString());
    }

    @Test
    void a_request_started_without_an_authenticated_user_is_invalid() {
        identity().clearAuthentication();
        ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("account-disable",
                request(ACCOUNT));
        assertThat(instance).isEnded().hasPassed("end-invalid");
        assertThat((String) variable(instance, "validationErrors")).contains("not started by an authenticated user");
    }

    // --- helpers -------------------------------------------------------------------------------------------

    private ProcessInstance startAs(String user, Map<String, Object> variables) {
        identity().setAuthenticatedUserId(user);
        try {
            return engine.getRuntimeService().startProcessInstanceByKey("account-disable", variables);
        } finally {
            identity().clearAuthentication();
        }
    }

    private void completeAs(String user, Task task, Map<String, Object> variables) {
        identity().setAuthenticatedUserId(user);
        try {
            tasks().complete(task.getId(), variables);
        } finally {
            identity().clearAuthentication();
        }
    }

    private Object variable(ProcessInstance instance, String name) {
        return historyService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                .variableName(name).singleResult().getValue();
    }

    private static Map<String, Object> request(String accountId) {
        return map("accountId", accountId, "reason", "Left the company", "reasonCode", "TERMINATION");
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static ManagedAccountProfile profile(String status) {
        return new ManagedAccountProfile(ACCOUNT, "atlassian", status, "Ada Lovelace", "Ada", "ada@demo.example");
    }

    private IdentityService identity() {
        return engine.getIdentityService();
    }

    private TaskService tasks() {
        return engine.getTaskService();
    }
}
