package io.github.atlassianlifecycle.process.decisions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.junit.jupiter.api.Test;

/** The lines an approver leaves out of a batch, as Tasklist's text field or {@code /engine-rest} sends them. */
class BatchApprovalLinesTest {

    @Test
    void lines_come_as_text_separated_by_commas_or_spaces_or_as_a_list_of_numbers() {
        assertThat(BatchApprovalTaskListener.lines(null)).isEmpty();
        assertThat(BatchApprovalTaskListener.lines("  ")).isEmpty();
        assertThat(BatchApprovalTaskListener.lines("17, 3 3\n9")).containsExactly(3, 9, 17);
        assertThat(BatchApprovalTaskListener.lines("[4,5]")).containsExactly(4, 5);
        assertThat(BatchApprovalTaskListener.lines(List.of(2, 7L))).containsExactly(2, 7);
    }

    @Test
    void anything_else_refuses_the_completion_saying_what_lines_are() {
        for (Object bad : List.of("3, four", List.of(2.5), Boolean.TRUE)) {
            assertThatThrownBy(() -> BatchApprovalTaskListener.lines(bad)).as(String.valueOf(bad))
                    .isInstanceOfSatisfying(FormFieldValidationException.class,
                            e -> assertThat(e.getMessage()).contains("Excluded lines"));
        }
    }

    @Test
    void a_text_longer_than_the_engine_stores_is_refused_saying_so_not_by_the_database() {
        String many = java.util.stream.IntStream.rangeClosed(2, 1200).mapToObj(String::valueOf)
                .collect(java.util.stream.Collectors.joining(", "));
        assertThatThrownBy(() -> BatchApprovalTaskListener.lines(many))
                .isInstanceOfSatisfying(FormFieldValidationException.class,
                        e -> assertThat(e.getMessage()).contains("4000").contains("reject the batch"));
    }
}
