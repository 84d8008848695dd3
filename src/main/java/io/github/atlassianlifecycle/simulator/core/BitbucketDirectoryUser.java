package io.github.atlassianlifecycle.simulator.core;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * A user of the simulated Bitbucket Data Center, which keeps its own user base: keyed by user name, groups by name,
 * linked to an Atlassian account by nothing but the email address. Only touched under the {@link SimulatorState} lock.
 */
public final class BitbucketDirectoryUser {

    public final long id;
    public final String name;
    public String displayName;
    public String emailAddress;
    /** Set by the user directory; Bitbucket's REST API cannot change it. */
    public boolean active = true;
    public final Set<String> groups = new LinkedHashSet<>();

    public BitbucketDirectoryUser(long id, String name) {
        this.id = id;
        this.name = name;
    }

    public String slug() {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "_");
    }

    /** The key of {@link SimulatorState#bitbucketUsers()}: Bitbucket user names are case-insensitive. */
    public static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
