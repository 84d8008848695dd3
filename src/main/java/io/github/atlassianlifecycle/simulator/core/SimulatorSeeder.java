package io.github.atlassianlifecycle.simulator.core;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * Fills the simulator with a believable demo organization, the same on every start for a given seed:
 * managed users on the claimed domain (some synced from SCIM or Google, a few already deactivated or scheduled for
 * deletion), unmanaged users on a partner domain, org groups with product access, and Jira and Confluence groups.
 */
public class SimulatorSeeder {

    /** The simulated site's cloud id, used in product role resource ids. */
    public static final String CLOUD_ID = "a436116f-02ce-4520-8fbb-7301462a1674";
    public static final String JIRA_RESOURCE = "ari:cloud:jira::site/" + CLOUD_ID;
    public static final String CONFLUENCE_RESOURCE = "ari:cloud:confluence::site/" + CLOUD_ID;
    public static final String PARTNER_DOMAIN = "partner.example";

    private static final List<String> FIRST = List.of("Ada", "Alan", "Grace", "Linus", "Margaret", "Ken", "Barbara",
            "Dennis", "Frances", "Edsger", "Radia", "Tim", "Katherine", "Donald", "Hedy", "John", "Annie", "Niklaus",
            "Shafi", "Leslie", "Sophie", "Vint", "Adele", "Guido", "Mary", "Bjarne", "Jean", "James", "Evelyn", "Yukihiro");
    private static final List<String> LAST = List.of("Lovelace", "Turing", "Hopper", "Torvalds", "Hamilton", "Thompson",
            "Liskov", "Ritchie", "Allen", "Dijkstra", "Perlman", "Berners-Lee", "Johnson", "Knuth", "Lamarr", "Backus",
            "Easley", "Wirth", "Goldwasser", "Lamport", "Wilson", "Cerf", "Goldberg", "Van Rossum", "Keller",
            "Stroustrup", "Sammet", "Gosling", "Boyd", "Matsumoto");
    private static final List<String> DEPARTMENTS = List.of("engineering", "finance", "sales");

    private final SimulatorProperties properties;

    public SimulatorSeeder(SimulatorProperties properties) {
        this.properties = properties;
    }

    public void seed(SimulatorState state) {
        state.locked(() -> {
            state.clear();
            Random random = new Random(properties.getSeed());
            Instant now = state.now();
            seedGroups(state, random);
            Set<String> usedEmails = new HashSet<>();
            for (int i = 0; i < properties.getUsers(); i++) {
                seedManaged(state, random, now, i, usedEmails);
            }
            for (int i = 0; i < 4; i++) {
                seedUnmanaged(state, random, now, i);
            }
            BitbucketSeeder.seed(state, properties.getBitbucketUser());
            seedIdentityProviderGroup(state);
        });
    }

    private void seedGroups(SimulatorState state, Random random) {
        Group jiraUsers = orgGroup(state, random, "jira-software-users", "Jira Software access");
        jiraUsers.roleAssignments.put(JIRA_RESOURCE, "atlassian/user");
        Group confluenceUsers = orgGroup(state, random, "confluence-users", "Confluence access");
        confluenceUsers.roleAssignments.put(CONFLUENCE_RESOURCE, "atlassian/user");
        for (String department : DEPARTMENTS) {
            orgGroup(state, random, department, "Everyone in " + department);
        }
        orgGroup(state, random, "org-admins", "Organization administrators (privileged)");
        for (String name : List.of("jira-software-users", "jira-administrators", "developers", "service-desk-agents")) {
            Group group = new Group(uuid(random), name, null);
            state.jiraGroups().put(group.id, group);
        }
        for (String name : List.of("confluence-users", "confluence-administrators", "space-editors")) {
            Group group = new Group(uuid(random), name, null);
            state.confluenceGroups().put(group.id, group);
        }
    }

    /**
     * An org group synced from the identity provider, holding the SCIM-synced users: its members can't be changed
     * through the organizations API. Added last, with a fixed id, so the rest of the seeded data stays as it was.
     */
    private static void seedIdentityProviderGroup(SimulatorState state) {
        Group synced = new Group(UUID.nameUUIDFromBytes("idp-synced-staff".getBytes(StandardCharsets.UTF_8))
                .toString(), "idp-synced-staff", "Synced from the identity provider");
        synced.managedByScim = true;
        state.orgGroups().put(synced.id, synced);
        state.accounts().stream().filter(a -> "scim".equals(a.externalDirectory))
                .forEach(a -> a.orgGroupIds.add(synced.id));
    }

    private static Group orgGroup(SimulatorState state, Random random, String name, String description) {
        Group group = new Group(uuid(random), name, description);
        state.orgGroups().put(group.id, group);
        return group;
    }

    private void seedManaged(SimulatorState state, Random random, Instant now, int i, Set<String> usedEmails) {
        String first = FIRST.get(i % FIRST.size());
        String last = LAST.get((i / FIRST.size() + i * 7) % LAST.size());
        String local = (first + "." + last).toLowerCase(Locale.ROOT).replace(" ", "").replace("-", "");
        String email = local + "@" + properties.getDomain();
        for (int n = 2; !usedEmails.add(email); n++) {
            email = local + n + "@" + properties.getDomain();
        }
        Account account = new Account(i % 5 == 3 ? "557058:" + uuid(random) : hexId(random));
        account.email = email;
        account.name = first + " " + last;
        account.nickname = first;
        account.managed = true;
        account.addedToOrg = now.minus(Duration.ofDays(30 + random.nextInt(900)));
        account.department = DEPARTMENTS.get(i % DEPARTMENTS.size());
        account.title = i % 4 == 0 ? "Senior " + account.department + " specialist" : account.department + " specialist";
        if (i % 10 == 7) {
            account.externalDirectory = "scim";
            account.managementSource = "synced";
            account.scimId = uuid(random);
            account.externalId = "emp-" + (1000 + i);
        } else if (i == 29) {
            account.externalDirectory = "google";
            account.managementSource = "synced";
        }
        joinOrgGroup(state, account, account.department);
        boolean tidy = properties.isTidy();
        if (tidy || i % 6 != 5) {
            joinOrgGroup(state, account, "jira-software-users");
            account.inJira = true;
            joinProductGroup(state.jiraGroups(), account.jiraGroupIds, "jira-software-users");
            if (i % 3 == 0) {
                joinProductGroup(state.jiraGroups(), account.jiraGroupIds, "developers");
            }
        }
        if (i % 4 != 3) {
            joinOrgGroup(state, account, "confluence-users");
            joinProductGroup(state.confluenceGroups(), account.confluenceGroupIds, "confluence-users");
            if (i % 5 == 0) {
                joinProductGroup(state.confluenceGroups(), account.confluenceGroupIds, "space-editors");
            }
        }
        if (i == 0) {
            joinOrgGroup(state, account, "org-admins");
            account.platformRoles.add("atlassian/org-admin");
        }
        if (tidy) {
            // Tidy: active in the last thirty days, so only time or a test makes anyone idle.
            account.lastActive.put("jira-software", now.minus(Duration.ofHours(1 + random.nextInt(24 * 30))));
        } else if (i % 7 != 6) {
            account.lastActive.put("jira-software", now.minus(Duration.ofHours(1 + random.nextInt(24 * 120))));
        }
        if (tidy) {
            // nobody deactivated or scheduled for deletion
        } else if (i % 25 == 11) {
            account.accountStatus = "inactive";
            account.deactivatedOn = now.minus(Duration.ofDays(10 + random.nextInt(60)));
        } else if (i == 13) {
            account.accountStatus = "inactive";
            account.forDeletion = true;
            account.deletionRequestedAt = now.minus(Duration.ofDays(3));
            account.deactivatedOn = account.deletionRequestedAt;
        }
        seedApiTokens(account, now, i);
        state.add(account);
    }

    private void seedUnmanaged(SimulatorState state, Random random, Instant now, int i) {
        Account account = new Account(hexId(random));
        String first = FIRST.get((i * 11 + 5) % FIRST.size());
        account.name = first + " Contractor";
        account.nickname = first;
        account.email = first.toLowerCase(Locale.ROOT) + ".contractor" + (i + 1) + "@" + PARTNER_DOMAIN;
        account.managed = false;
        account.addedToOrg = now.minus(Duration.ofDays(60 + random.nextInt(300)));
        account.inJira = true;
        joinOrgGroup(state, account, "jira-software-users");
        joinProductGroup(state.jiraGroups(), account.jiraGroupIds, "jira-software-users");
        account.lastActive.put("jira-software", now.minus(Duration.ofDays(1 + random.nextInt(properties.isTidy() ? 30 : 200))));
        state.add(account);
    }

    private static void joinOrgGroup(SimulatorState state, Account account, String groupName) {
        joinProductGroup(state.orgGroups(), account.orgGroupIds, groupName);
    }

    private static void joinProductGroup(java.util.Map<String, Group> namespace, Set<String> memberships,
            String groupName) {
        namespace.values().stream().filter(g -> g.name.equals(groupName)).findFirst()
                .ifPresent(group -> memberships.add(group.id));
    }

    /**
     * One or two API tokens per managed account, derived from its id rather than drawn from the seeded random, so
     * that adding them left every other seeded value as it was.
     */
    private static void seedApiTokens(Account account, Instant now, int i) {
        for (int n = 0; n <= i % 2; n++) {
            String id = UUID.nameUUIDFromBytes((account.accountId + "/api-token/" + n).getBytes(StandardCharsets.UTF_8))
                    .toString();
            Instant created = now.minus(Duration.ofDays(40 + 13L * n + i % 50));
            account.apiTokens.add(new SimulatedApiToken(id, n == 0 ? "CI pipeline" : "Reporting script", created,
                    now.minus(Duration.ofHours(2 + i % 70)), created.plus(Duration.ofDays(365))));
        }
    }

    private static String hexId(Random random) {
        StringBuilder id = new StringBuilder(24);
        for (int i = 0; i < 24; i++) {
            id.append(Character.forDigit(random.nextInt(16), 16));
        }
        return id.toString();
    }

    private static String uuid(Random random) {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }
}
