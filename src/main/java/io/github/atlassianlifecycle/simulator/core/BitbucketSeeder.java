package io.github.atlassianlifecycle.simulator.core;

import java.util.List;
import java.util.Map;

/**
 * Seeds the simulated Bitbucket Data Center: the admin whose credential the simulator accepts, a Bitbucket user for
 * every third managed account (user name = the email's local part, so the only link is the email, as in real
 * life), a build bot that has no Atlassian account at all, and a system administrator above the admin's own
 * permission level (the admin may not delete it, nor hand out or take away its group).
 */
public final class BitbucketSeeder {

    /** Every new user joins it when created with {@code addToDefaultGroup=true}. */
    public static final String DEFAULT_GROUP = "stash-users";
    static final List<String> GROUPS = List.of(DEFAULT_GROUP, "bitbucket-administrators", "developers",
            "release-managers", "bitbucket-sys-admins");
    /** The global permission each group grants (the others grant none); the admin the simulator accepts is ADMIN. */
    public static final Map<String, BitbucketPermission> GROUP_PERMISSIONS = Map.of(
            DEFAULT_GROUP, BitbucketPermission.LICENSED_USER,
            "bitbucket-administrators", BitbucketPermission.ADMIN,
            "bitbucket-sys-admins", BitbucketPermission.SYS_ADMIN);
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
        add(state, "sysadmin", "System Administrator", "sysadmin@bitbucket.invalid").groups.add("bitbucket-sys-admins");
    }

    /** A user's global permission: the highest any of their groups grants. */
    public static BitbucketPermission permissionOf(BitbucketDirectoryUser user) {
        return user.groups.stream().map(group -> GROUP_PERMISSIONS.getOrDefault(group, BitbucketPermission.NONE))
                .max(Enum::compareTo).orElse(BitbucketPermission.NONE);
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
