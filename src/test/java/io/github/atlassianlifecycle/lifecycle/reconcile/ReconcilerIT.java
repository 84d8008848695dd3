package io.github.atlassianlifecycle.lifecycle.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.github.atlassianlifecycle.client.AtlassianApiException;
import io.github.atlassianlifecycle.client.bitbucket.BitbucketClient;
import io.github.atlassianlifecycle.client.confluence.ConfluenceClient;
import io.github.atlassianlifecycle.client.jira.JiraClient;
import io.github.atlassianlifecycle.client.organizations.OrganizationsClient;
import io.github.atlassianlifecycle.client.usermanagement.UserManagementClient;
import io.github.atlassianlifecycle.support.ClientFixture;
import io.github.atlassianlifecycle.support.SimulatorControl;
import io.github.atlassianlifecycle.support.SimulatorOnlyTest;
import io.github.atlassianlifecycle.lifecycle.reconcile.source.JiraSource;
import io.github.atlassianlifecycle.lifecycle.reconcile.source.SourcePage;

/**
 * The reconciler over the real clients against the simulator: drift made through the simulated APIs shows up as
 * exactly the findings it should, on top of what the seeded organization already shows.
 */
@SimulatorOnlyTest
class ReconcilerIT {

    @LocalServerPort
    int port;

    SimulatorControl simulator;
    ClientFixture fixture;
    JiraClient jira;
    ConfluenceClient confluence;
    BitbucketClient bitbucket;
    Reconciler reconciler;

    @BeforeEach
    void setUp() {
        fixture = new ClientFixture(port);
        simulator = new SimulatorControl(fixture.simUrl());
        simulator.reset();
        jira = new JiraClient(fixture.transport(), fixture.jira());
        confluence = new ConfluenceClient(fixture.transport(), fixture.confluence());
        bitbucket = new BitbucketClient(fixture.transport(), fixture.bitbucket());
        OrganizationsClient organizations = new OrganizationsClient(fixture.transport(), fixture.organizations(),
                "demo-org", "demo-dir");
        reconciler = new ReconcilerFactory(organizations, Optional.of(jira), Optional.of(confluence),
                Optional.of(bitbucket), ReconcileSettings.defaults(), Clock.systemUTC()).create();
    }

    @Test
    void drift_made_through_the_apis_is_found_as_exactly_the_findings_it_should_be() {
        Set<String> before = keys(reconcile());
        assertThat(before).as("the seeded organization drifts a little already")
                .anyMatch(key -> key.startsWith("LICENCE_WASTE:"))
                .contains("UNKNOWN_TO_ORG:bitbucket:build-bot");

        String orphan = activeInJiraOnly(before);
        jira.deleteUser(orphan);
        String deactivated = activeInJiraOnly(before, orphan);
        new UserManagementClient(fixture.transport(), fixture.userManagement()).disable(deactivated, null);
        bitbucket.createUser("outsider", "Out Sider", "outsider@elsewhere.example");

        List<Finding> after = reconcile();
        Set<String> added = new HashSet<>(keys(after));
        added.removeAll(before);
        assertThat(added).containsExactlyInAnyOrder("ORPHANED_ORG_ACCOUNT:" + orphan,
                "LICENCE_WASTE:" + deactivated, "UNKNOWN_TO_ORG:bitbucket:outsider");
        Set<String> gone = new HashSet<>(before);
        gone.removeAll(keys(after));
        assertThat(gone).as("nothing else changed").isEmpty();
        Finding orphaned = after.stream().filter(f -> f.accountId() != null && f.accountId().equals(orphan))
                .findFirst().orElseThrow();
        assertThat(orphaned.evidence()).extracting(EvidenceLine::observed).contains("JIRA absent");
    }

    @Test
    void a_person_in_jira_but_in_no_jira_group_is_present_in_jira_not_orphaned() {
        Set<String> before = keys(reconcile());
        String groupless = activeInJiraOnly(before);
        jira.userGroups(groupless).forEach(group -> jira.removeFromGroup(group.groupId(), groupless));
        assertThat((List<?>) simulator.account(groupless).get("jiraGroups")).isEmpty();

        List<Finding> after = reconcile();

        assertThat(keys(after)).as("still in Jira's user base: no drift").isEqualTo(before);
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_deactivated_account_whose_inactive_bitbucket_user_still_holds_groups_is_licence_waste() {
        Map<String, Object> bitbucketUser = simulator.bitbucketUsers().stream()
                .filter(u -> Boolean.FALSE.equals(u.get("active")) && !((List<?>) u.get("groups")).isEmpty())
                .findFirst().orElseThrow();
        Map<String, Object> account = simulator.accounts().stream()
                .filter(a -> bitbucketUser.get("emailAddress").equals(a.get("email"))).findFirst().orElseThrow();
        String id = (String) account.get("accountId");
        assertThat(account).containsEntry("accountStatus", "inactive").containsEntry("forDeletion", false);
        jira.userGroups(id).forEach(group -> jira.removeFromGroup(group.groupId(), id));
        confluence.allGroupsOf(id).forEach(group -> confluence.removeMember(group.id(), id));

        Finding waste = reconcile().stream().filter(f -> ("LICENCE_WASTE:" + id).equals(f.key())).findFirst()
                .orElseThrow(() -> new AssertionError("no LICENCE_WASTE for " + id + ", whose Bitbucket user is in "
                        + bitbucketUser.get("groups")));
        assertThat(waste.rule()).contains("BITBUCKET inactive in groups");
        ((List<String>) bitbucketUser.get("groups")).forEach(group -> assertThat(waste.rule()).contains(group));
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_deactivated_account_still_in_confluence_groups_is_licence_waste_though_confluence_lists_active_members_only() {
        Set<String> bitbucketEmails = simulator.bitbucketUsers().stream().map(u -> (String) u.get("emailAddress"))
                .collect(Collectors.toSet());
        Map<String, Object> account = simulator.accounts().stream()
                .filter(a -> "active".equals(a.get("status")) && "managed".equals(a.get("claimStatus")))
                .filter(a -> a.get("externalDirectory") == null)
                .filter(a -> !((List<?>) a.get("confluenceGroups")).isEmpty())
                .filter(a -> !bitbucketEmails.contains(a.get("email"))).findFirst().orElseThrow();
        String id = (String) account.get("accountId");
        new UserManagementClient(fixture.transport(), fixture.userManagement()).disable(id, null);
        jira.userGroups(id).forEach(group -> jira.removeFromGroup(group.groupId(), id));

        Finding waste = reconcile().stream().filter(f -> ("LICENCE_WASTE:" + id).equals(f.key())).findFirst()
                .orElseThrow(() -> new AssertionError("no LICENCE_WASTE for " + id + ", still in Confluence groups "
                        + account.get("confluenceGroups")));
        assertThat(waste.rule()).contains("CONFLUENCE inactive in groups");
        ((List<String>) account.get("confluenceGroups")).forEach(group -> assertThat(waste.rule()).contains(group));
    }

    @Test
    void a_read_killed_by_a_server_error_continues_at_its_cursor_and_reads_no_page_twice() {
        List<Finding> whole = reconcile();
        int wholeCalls = apiCalls();

        simulator.reset();
        setUp();
        InMemoryLedger ledger = new InMemoryLedger();
        assertThatThrownBy(() -> reconciler.read(new FailAfterPages(ledger, 3, simulator)))
                .isInstanceOfSatisfying(AtlassianApiException.class, e -> assertThat(e.isTransient()).isTrue());
        assertThat(ledger.progress(JiraSource.NAME).cursor()).as("stopped inside Jira's pages").isNotNull();
        simulator.faults(Map.of());
        reconciler.read(ledger);

        assertThat(apiCalls()).as("every page once, and the one that failed").isEqualTo(wholeCalls + 1);
        assertThat(calls()).filteredOn(call -> ((Number) call.get("status")).intValue() == 500).hasSize(1);
        assertThat(keys(reconciler.classify(ledger))).isEqualTo(keys(whole));
    }

    /** How many calls the simulated APIs answered since the last reset, failed ones included. */
    private int apiCalls() {
        return calls().size();
    }

    private List<Map<String, Object>> calls() {
        return simulator.allCalls();
    }

    private List<Finding> reconcile() {
        InMemoryLedger ledger = new InMemoryLedger();
        reconciler.read(ledger);
        List<Finding> findings = reconciler.classify(ledger);
        assertThat(findings).extracting(Finding::key).doesNotHaveDuplicates();
        return findings;
    }

    /** An active, managed account in Jira, in no Confluence group and not in Bitbucket, with no finding yet. */
    @SuppressWarnings("unchecked")
    private String activeInJiraOnly(Set<String> findings, String... not) {
        Set<String> bitbucketEmails = simulator.bitbucketUsers().stream().map(u -> (String) u.get("emailAddress"))
                .collect(Collectors.toSet());
        return simulator.accounts().stream()
                .filter(a -> "active".equals(a.get("status")) && "managed".equals(a.get("claimStatus")))
                .filter(a -> a.get("externalDirectory") == null)
                .filter(a -> Boolean.TRUE.equals(a.get("inJira")) && ((List<String>) a.get("confluenceGroups")).isEmpty())
                .filter(a -> !bitbucketEmails.contains(a.get("email")))
                .filter(a -> !((Map<String, Object>) a.get("lastActive")).isEmpty())
                .map(a -> (String) a.get("accountId"))
                .filter(id -> findings.stream().noneMatch(key -> key.endsWith(":" + id)) && !List.of(not).contains(id))
                .findFirst().orElseThrow();
    }

    private static Set<String> keys(List<Finding> findings) {
        return findings.stream().map(Finding::key).collect(Collectors.toSet());
    }

    /** Lets {@code pages} pages be saved, then switches every simulated call to a 500: the reader dies mid-way. */
    record FailAfterPages(ReconciliationLedger ledger, int pages, SimulatorControl simulator,
            int[] saved) implements ReconciliationLedger {

        FailAfterPages(ReconciliationLedger ledger, int pages, SimulatorControl simulator) {
            this(ledger, pages, simulator, new int[1]);
        }

        @Override
        public Progress progress(String source) {
            return ledger.progress(source);
        }

        @Override
        public void savePage(String source, String readCursor, SourcePage page) {
            ledger.savePage(source, readCursor, page);
            if (++saved[0] == pages) {
                simulator.faults(Map.of("serverErrorRate", 1.0));
            }
        }

        @Override
        public Observations observations() {
            return ledger.observations();
        }
    }
}
