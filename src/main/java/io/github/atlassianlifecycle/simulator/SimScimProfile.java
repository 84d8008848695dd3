package io.github.atlassianlifecycle.simulator;

import java.time.Instant;

/**
 * The attributes of a SCIM-provisioned account that only SCIM knows; email, display name ({@code name}), title,
 * department and externalId live on {@link SimAccount} itself, because the other APIs show them too. A seeded
 * SCIM account has no profile until SCIM first writes it: {@link SimScimUser#of} derives one.
 */
final class SimScimProfile {

    String userName;
    String givenName;
    String familyName;
    String formatted;
    String displayName;
    String emailType = "work";
    String organization;
    String timezone;
    String preferredLanguage;
    Instant created;
    Instant lastModified;
}
