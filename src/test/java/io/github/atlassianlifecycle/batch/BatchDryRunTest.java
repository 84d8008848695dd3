package io.github.atlassianlifecycle.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.github.atlassianlifecycle.lifecycle.LifecycleAction;
import io.github.atlassianlifecycle.request.DryRun;
import io.github.atlassianlifecycle.request.NewRequest;
import io.github.atlassianlifecycle.request.PreviewUnavailableException;
import io.github.atlassianlifecycle.request.RequestEngine;
import io.github.atlassianlifecycle.request.RequestPreview;
import io.github.atlassianlifecycle.request.RequestRepository;
import io.github.atlassianlifecycle.request.RequestService;

/**
 * A bulk dry run holds the rows to a submission's rules and asks the single dry run about each good row, in order;
 * it never stores or starts a batch, and it answers all of the rows or none.
 */
class BatchDryRunTest {

    final List<String> asked = new ArrayList<>();
    final BatchRepository store = mock(BatchRepository.class);
    final BatchEngine engine = mock(BatchEngine.class);
    final RequestEngine requestEngine = mock(RequestEngine.class);
    String unreadable = "none";

    final RequestPreview preview = request -> {
        asked.add(request.account());
        if (request.account().equals(unreadable)) {
            throw new PreviewUnavailableException("Atlassian answered 503", Instant.EPOCH, null);
        }
        return new RequestPreview.Preview(null, null, new RequestPreview.Refusal("ACCOUNT_NOT_FOUND", "no such account"));
    };
    final RequestRepository requestStore = mock(RequestRepository.class);
    final TransactionTemplate transaction = new TransactionTemplate(mock(PlatformTransactionManager.class));
    final Clock clock = Clock.fixed(Instant.parse("2026-03-02T10:15:30Z"), ZoneOffset.UTC);
    final BatchService service = new BatchService(store, engine,
            new RequestService(requestEngine, preview, requestStore, transaction, clock), requestStore, transaction,
            clock);

    @Test
    void each_good_row_is_tried_in_order_and_refused_rows_keep_their_reason_and_nothing_is_stored_or_started() {
        BatchSubmission result = service.dryRun(List.of(BatchRow.good(2, disable("acc-1")),
                BatchRow.refused(3, "reason is required"), BatchRow.good(4, disable("acc-2")),
                BatchRow.good(5, disable("ACC-1"))), false);

        assertThat(result).isInstanceOf(BatchSubmission.Tried.class);
        List<BatchSubmission.TriedRow> rows = ((BatchSubmission.Tried) result).rows();
        assertThat(rows).extracting(row -> row.row().line()).containsExactly(2, 3, 4, 5);
        assertThat(rows.get(0).dryRun().result()).isEqualTo(DryRun.Result.NEEDS_MANUAL_RESOLUTION);
        assertThat(rows.get(1).dryRun()).isNull();
        assertThat(rows.get(1).row().error()).isEqualTo("reason is required");
        assertThat(rows.get(3).dryRun()).as("the batch's duplicate rule").isNull();
        assertThat(rows.get(3).row().error()).contains("duplicate: line 2");
        assertThat(asked).containsExactly("acc-1", "acc-2");
        verifyNoInteractions(store, engine, requestEngine);
    }

    @Test
    void atomic_with_a_refused_row_is_refused_as_a_submission_is_before_anything_is_read() {
        List<BatchRow> rows = List.of(BatchRow.good(2, disable("acc-1")), BatchRow.refused(3, "reason is required"));

        BatchSubmission tried = service.dryRun(rows, true);

        assertThat(tried).isEqualTo(new BatchSubmission.Refused(List.of(rows.get(1)), true));
        assertThat(asked).isEmpty();
        assertThat(service.submit(Batch.Source.CSV, rows, "requester", true)).as("the real one").isEqualTo(tried);
        verifyNoInteractions(store, engine, requestEngine);
    }

    @Test
    void a_row_that_cannot_be_read_fails_the_whole_dry_run_and_no_later_row_is_read() {
        unreadable = "acc-2";

        assertThatThrownBy(() -> service.dryRun(List.of(BatchRow.good(2, disable("acc-1")),
                BatchRow.good(3, disable("acc-2")), BatchRow.good(4, disable("acc-3"))), false))
                .isInstanceOf(PreviewUnavailableException.class);
        assertThat(asked).containsExactly("acc-1", "acc-2");
        verifyNoInteractions(store, engine, requestEngine);
    }

    private static NewRequest disable(String account) {
        return new NewRequest(LifecycleAction.DISABLE, account, null, null, List.of(), "Left", "TERMINATION");
    }
}
