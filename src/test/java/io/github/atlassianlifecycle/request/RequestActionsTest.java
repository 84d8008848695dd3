package io.github.atlassianlifecycle.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.github.atlassianlifecycle.lifecycle.LifecycleAction;

class RequestActionsTest {

    @Test
    void only_a_request_not_yet_applied_can_be_cancelled_whatever_its_action() {
        for (LifecycleAction action : LifecycleAction.values()) {
            for (RequestStatus status : RequestStatus.values()) {
                assertThat(RequestActions.of(action, status, () -> false).cancel()).as(action + " " + status + ", not approved")
                        .isEqualTo(EnumSet.of(RequestStatus.PENDING_APPROVAL, RequestStatus.IN_PROGRESS).contains(status));
                assertThat(RequestActions.of(action, status, () -> true).cancel()).as(action + " " + status + ", approved")
                        .isEqualTo(status == RequestStatus.PENDING_APPROVAL);
            }
        }
    }

    @Test
    void only_a_completed_disable_and_a_delete_in_its_grace_period_can_be_undone() {
        Set<String> undoable = Set.of("DISABLE COMPLETED", "DELETE WAITING_GRACE_PERIOD");
        for (LifecycleAction action : LifecycleAction.values()) {
            for (RequestStatus status : RequestStatus.values()) {
                for (boolean approvedOrApplied : new boolean[] { false, true }) {
                    assertThat(RequestActions.of(action, status, () -> approvedOrApplied).undo()).as(action + " " + status)
                            .isEqualTo(undoable.contains(action + " " + status));
                }
            }
        }
    }

    @Test
    void whether_it_was_approved_or_applied_is_asked_only_of_a_request_in_progress() {
        AtomicInteger asked = new AtomicInteger();
        for (RequestStatus status : RequestStatus.values()) {
            RequestActions.of(LifecycleAction.DISABLE, status, () -> asked.incrementAndGet() > 0);
        }
        assertThat(asked).hasValue(1);
    }
}
