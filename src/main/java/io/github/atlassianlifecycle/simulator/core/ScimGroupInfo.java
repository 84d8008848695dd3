package io.github.atlassianlifecycle.simulator.core;

import java.time.Instant;

/** What SCIM keeps about a group it made, beyond the org group itself. */
public final class ScimGroupInfo {

    public String externalId;
    public Instant created;
    public Instant lastModified;

    public ScimGroupInfo(Instant created) {
        this.created = created;
        this.lastModified = created;
    }
}
