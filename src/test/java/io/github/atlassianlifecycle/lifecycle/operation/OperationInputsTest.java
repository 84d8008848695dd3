package io.github.atlassianlifecycle.lifecycle.operation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.github.atlassianlifecycle.lifecycle.BusinessError;
import io.github.atlassianlifecycle.lifecycle.LifecycleBusinessException;

/** Bad input never reaches Atlassian: the runner refuses it first, naming the input. */
class OperationInputsTest {

    // No clients: every case here must be refused before any of them would be used.
    private final OperationRunner runner = new OperationRunner(null, null, null, null);

    @Test
    void a_missing_required_input_is_an_invalid_request_naming_it() {
        assertThatThrownBy(() -> runner.run(ReusableOperation.SUSPEND, Map.of()))
                .hasMessageContaining("suspend").hasMessageContaining("'accountId'")
                .asInstanceOf(type(LifecycleBusinessException.class))
                .satisfies(e -> assertThat(e.error()).isEqualTo(BusinessError.INVALID_REQUEST));
    }

    @Test
    void a_blank_input_counts_as_missing() {
        assertThatThrownBy(() -> runner.run(ReusableOperation.INVITE, Map.of("email", "  ")))
                .hasMessageContaining("needs the input 'email'");
    }

    @Test
    void a_value_off_its_pattern_is_refused_without_being_repeated() {
        assertThatThrownBy(() -> runner.run(ReusableOperation.DEACTIVATE, Map.of("accountId", "../admin secret")))
                .hasMessageContaining("input 'accountId' does not match").hasMessageNotContaining("secret")
                .asInstanceOf(type(LifecycleBusinessException.class))
                .satisfies(e -> assertThat(e.error()).isEqualTo(BusinessError.INVALID_REQUEST));
    }

    @Test
    void an_input_the_operation_does_not_take_is_refused() {
        assertThatThrownBy(() -> runner.run(ReusableOperation.SUSPEND, Map.of("accountId", "abc", "groupId", "g")))
                .hasMessageContaining("does not take the input(s) [groupId]");
    }

    @Test
    void reading_an_account_needs_exactly_one_of_account_id_and_email() {
        assertThatThrownBy(() -> runner.run(ReusableOperation.READ_ACCOUNT, Map.of()))
                .hasMessageContaining("exactly one of the inputs 'accountId' and 'email'");
        assertThatThrownBy(() -> runner.run(ReusableOperation.READ_ACCOUNT,
                Map.of("accountId", "abc", "email", "a@b.example"))).hasMessageContaining("exactly one");
    }

    @Test
    void every_operation_has_a_unique_key_a_description_and_described_inputs_and_outputs() {
        Set<String> keys = new HashSet<>();
        for (ReusableOperation operation : ReusableOperation.values()) {
            assertThat(keys.add(operation.key())).as("key %s is unique", operation.key()).isTrue();
            assertThat(ReusableOperation.ofKey(operation.key())).isEqualTo(operation);
            assertThat(operation.key()).matches("[a-z][A-Za-z]+");
            assertThat(operation.title()).isNotBlank();
            assertThat(operation.description()).isNotBlank();
            assertThat(operation.outputs()).isNotEmpty();
            operation.inputs().forEach(input -> assertThat(input.description()).as(input.name()).isNotBlank());
            operation.outputs().forEach(output -> assertThat(output.description()).as(output.name()).isNotBlank());
        }
    }

    @Test
    void the_operations_that_change_atlassian_make_one_plan_call_and_the_two_that_read_make_none() {
        assertThat(ReusableOperation.READ_ACCOUNT.call()).isEmpty();
        assertThat(ReusableOperation.PLAN.call()).isEmpty();
        assertThat(ReusableOperation.ADD_BITBUCKET_GROUP_MEMBER.call()).isPresent();
        assertThatThrownBy(() -> ReusableOperation.ofKey("nope")).hasMessageContaining("'nope'");
    }
}
