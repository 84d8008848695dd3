package io.github.atlassianlifecycle.process.operation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;

import io.github.atlassianlifecycle.client.ApiFamily;
import io.github.atlassianlifecycle.client.AtlassianApiException;
import io.github.atlassianlifecycle.lifecycle.BusinessError;
import io.github.atlassianlifecycle.lifecycle.LifecycleBusinessException;
import io.github.atlassianlifecycle.lifecycle.operation.OperationRunner;
import io.github.atlassianlifecycle.lifecycle.operation.ReusableOperation;

/** The one delegate behind every operation's service task: variables in, local variables out, errors by tier. */
class OperationDelegateTest {

    private final OperationRunner runner = mock(OperationRunner.class);
    private final DelegateExecution execution = mock(DelegateExecution.class);

    @Test
    void it_reads_the_operations_inputs_from_variables_and_sets_its_outputs_locally() {
        when(execution.getVariable("accountId")).thenReturn("acc-1");
        when(runner.run(ReusableOperation.SUSPEND, Map.of("accountId", "acc-1")))
                .thenReturn(Map.of("outcome", "APPLIED", "changed", "true"));

        new OperationDelegate(ReusableOperation.SUSPEND, runner).execute(execution);

        verify(execution).setVariableLocal("outcome", "APPLIED");
        verify(execution).setVariableLocal("changed", "true");
    }

    @Test
    void a_business_refusal_is_a_bpmn_error_coded_by_the_business_error() {
        when(runner.run(any(), any())).thenThrow(new LifecycleBusinessException(BusinessError.UNKNOWN_GROUP,
                "no such group", null));

        assertThatThrownBy(() -> new OperationDelegate(ReusableOperation.ADD_JIRA_GROUP_MEMBER, runner).execute(execution))
                .isInstanceOf(BpmnError.class).hasMessageContaining("no such group")
                .satisfies(e -> assertThat(((BpmnError) e).getErrorCode()).isEqualTo("UNKNOWN_GROUP"));
        // No result, but every output resolves (to null) for the output parameters the engine still maps.
        verify(execution).setVariableLocal("outcome", null);
        verify(execution).setVariableLocal("changed", null);
    }

    @Test
    void a_transient_failure_propagates_unchanged_so_the_engine_retries_the_job() {
        AtlassianApiException unavailable = new AtlassianApiException(ApiFamily.ORGANIZATIONS, "suspend", 503, null,
                null, "down", null, null, null, null);
        when(runner.run(any(), any())).thenThrow(unavailable);

        assertThatThrownBy(() -> new OperationDelegate(ReusableOperation.SUSPEND, runner).execute(execution))
                .isSameAs(unavailable);
    }

    @Test
    void one_bean_per_operation_is_registered_under_the_name_derived_from_its_key() {
        DefaultListableBeanFactory registry = new DefaultListableBeanFactory();
        registry.registerSingleton("runner", runner);
        new OperationDelegateRegistrar("runner").postProcessBeanDefinitionRegistry(registry);

        Set<String> names = new HashSet<>();
        for (ReusableOperation operation : ReusableOperation.values()) {
            String name = OperationDelegate.beanName(operation);
            assertThat(names.add(name)).as("bean name %s is unique", name).isTrue();
            assertThat(registry.getBean(name, OperationDelegate.class).operation()).isEqualTo(operation);
        }
        assertThat(OperationDelegate.beanName(ReusableOperation.SUSPEND)).isEqualTo("atlassianSuspend");
        assertThat(OperationDelegate.beanName(ReusableOperation.READ_ACCOUNT)).isEqualTo("atlassianReadAccount");
    }
}
