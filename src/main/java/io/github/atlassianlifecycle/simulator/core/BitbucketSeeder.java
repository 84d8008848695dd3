package io.github.atlassianlifecycle.simulator.core;

import java.util.List;

/**
 * Seeds the simulated Bitbucket Data Center: the admin whose credential the simulator accepts, a Bitbucket user for
 * every third managed account (user name = the email's local part, so the only link is the email, as in real
 * life), and a build bot that has no Atlassian account at all.
 */
public final class BitbucketSeeder {

    /** Every new user joins it when created with {@code addToDefaultGroup=true}. */
    public static final String DEFAULT_GROUP = "stash-users";
    static final List<String> GROUPS = List.of(DEFAULT_GROUP, "bitbucket-administrators", "developers",
            "release-managers");
    private static final int MAX_SEEDED_USERS = 30;

    private BitbucketSeeder() {
    }

    static void seed(SimulatorState state, String adminUser) {
        state.bitbucketGroups().addAll(GROUPS);
        BitbucketDirectoryUser admin = add(state, adminUser, "Bitbucket Administrator", adminUser + "@bitbucket.invalid");
        admin.groups.add("bitbucket-administrators");
        int managed = 0;
        int seeded = 0;
        for (Account account : state.accounts()) {
            if (!account.managed || managed++ % 3 != 0 || seeded >= MAX_SEEDED_USERS) {
                continue;
            }
            String local = account.email.substring(0, account.email.indexOf('@'));
            BitbucketDirectoryUser user = add(state, local, account.name, account.email);
            user.active = account.isActive();
            if (seeded % 2 == 0) {
                user.groups.add("developers");
            }
            if (seeded % 4 == 1) {
                user.groups.add("release-managers");
            }
            seeded++;
        }
        add(state, "build-bot", "Build Bot", "build-bot@bitbucket.invalid");
    }

    private static BitbucketDirectoryUser add(SimulatorState state, String name, String displayName, String email) {
        BitbucketDirectoryUser user = new BitbucketDirectoryUser(state.bitbucketUsers().size() + 1L, name);
        user.displayName = displayName;
        user.emailAddress = email;
        user.groups.add(DEFAULT_GROUP);
        state.bitbucketUsers().put(BitbucketDirectoryUser.key(name), user);
        return user;
    }
}
