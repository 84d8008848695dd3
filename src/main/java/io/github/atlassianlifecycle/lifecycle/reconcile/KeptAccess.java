package io.github.atlassianlifecycle.lifecycle.reconcile;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Where the reconciler learns that a person chose to keep their access (an inactivity campaign's keep link): a keep
 * counts as activity, so an account kept within the inactivity period is not proposed {@code INACTIVE} again the
 * next night, and one kept longer ago says so in its evidence. The application fills it from the campaign store.
 */
public interface KeptAccess {

    /** Nobody kept anything (no campaign store). */
    KeptAccess NONE = Map::of;

    /** The name evidence lines give this source. */
    String SOURCE = "campaigns.keptAccess";

    /** The latest keep of every account that kept access, by account id. */
    Map<String, Keep> latest();

    /** One keep: when, and in which campaign. */
    record Keep(Instant at, String campaignId) {

        public Keep {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(campaignId, "campaignId");
        }

        /** What the evidence says of it. */
        public String describe() {
            return "kept on " + at + " in campaign " + campaignId;
        }
    }
}
