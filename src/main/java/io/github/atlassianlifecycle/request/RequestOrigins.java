package io.github.atlassianlifecycle.request;

import java.util.Optional;

/**
 * Where a request came from beyond its own record, for its evidence: the batch approval it was started under, if
 * any. The batch store answers it; the request rules need not know batches.
 */
public interface RequestOrigins {

    /** No request comes from anywhere but itself. */
    RequestOrigins NONE = requestId -> Optional.empty();

    Optional<Evidence.BatchApproval> batchApproval(String requestId);
}
