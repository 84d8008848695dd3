package io.github.atlassianlifecycle.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.atlassianlifecycle.lifecycle.LifecycleAction;
import io.github.atlassianlifecycle.request.NewRequest;

/** A batch asks for each action on each account once: a later row repeating one is refused, naming the first. */
class BatchScreeningTest {

    @Test
    void a_row_repeating_the_action_and_account_of_an_earlier_one_is_refused_naming_it() {
        List<BatchRow> screened = BatchService.screen(List.of(
                BatchRow.good(2, disable("Acc-1")),
                BatchRow.good(3, enable("acc-1")),
                BatchRow.refused(4, "reason is required"),
                BatchRow.good(5, disable("acc-1")),
                BatchRow.good(6, disable("acc-2"))));

        assertThat(screened).extracting(BatchRow::line).containsExactly(2, 3, 4, 5, 6);
        assertThat(screened).extracting(BatchRow::isRefused).containsExactly(false, false, true, true, false);
        assertThat(screened.get(2).error()).as("kept as it was").isEqualTo("reason is required");
        assertThat(screened.get(3).error()).isEqualTo("duplicate: line 2 of this batch already asks to DISABLE acc-1");
    }

    private static NewRequest disable(String account) {
        return new NewRequest(LifecycleAction.DISABLE, account, null, null, List.of(), "Left", "TERMINATION");
    }

    private static NewRequest enable(String account) {
        return new NewRequest(LifecycleAction.ENABLE, account, null, null, List.of(), "Back", "OTHER");
    }
}
