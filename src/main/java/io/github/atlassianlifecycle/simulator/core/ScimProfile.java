package io.github.atlassianlifecycle.simulator.core;

import java.time.Instant;

/**
 * The attributes of a SCIM-provisioned account that only SCIM knows; email, display name ({@code name}), title,
 * department and externalId live on {@link Account} itself, because the other APIs show them too. A seeded
 * SCIM account has no profile until SCIM first writes it: the SCIM API derives one from the account.
 */
public final class ScimProfile {

    public String userName;
    public String givenName;
    public String familyName;
    public String formatted;
    public String displayName;
    public String nickName;
    public String emailType = "work";
    public String organization;
    public String timezone;
    public String preferredLanguage;
    public Instant created;
    public Instant lastModified;
}
