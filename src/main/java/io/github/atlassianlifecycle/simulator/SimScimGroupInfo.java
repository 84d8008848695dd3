package io.github.atlassianlifecycle.simulator;

import java.time.Instant;

/** What SCIM keeps about a group it made, beyond the org group itself. */
final class SimScimGroupInfo {

    String externalId;
    Instant created;
    Instant lastModified;

    SimScimGroupInfo(Instant created) {
        this.created = created;
        this.lastModified = created;
    }
}
