package io.github.atlassianlifecycle.lifecycle.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import io.github.atlassianlifecycle.app.AtlassianLifecycleApplication;
import io.github.atlassianlifecycle.client.bitbucket.BitbucketClient;
import io.github.atlassianlifecycle.client.confluence.ConfluenceClient;
import io.github.atlassianlifecycle.client.jira.JiraClient;
import io.github.atlassianlifecycle.client.organizations.OrganizationsClient;
import io.github.atlassianlifecycle.client.usermanagement.UserManagementClient;
import io.github.atlassianlifecycle.support.ClientFixture;
import io.github.atlassianlifecycle.support.SimulatorControl;

/**
 * A tidy simulated organization of 1,000 people, drifted through the simulated Atlassian APIs in known numbers of
 * each kind (inactivity by the passage of time, since no API sets it): the reconciliation finds exactly those, and
 * nothing on the tidy organization; the disables it proposes trip the mass-change guard.
 */
@SpringBootTest(classes = AtlassianLifecycleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "simulator.users=1000", "simulator.tidy=true" })
@ActiveProfiles("simulator")
class ReconciliationAtScaleIT {

    /** Bitbucket's own admin, build bot and system administrator have no Atlassian account: excluded by setting. */
    static final Set<String> BITBUCKET_OWN = Set.of("admin", "build-bot", "sysadmin");
    static final int ORPHANS = 7;
    static final int DEACTIVATED = 5;
    static final int OUTSIDERS = 3;
    static final Duration LATER = Duration.ofDays(75);

    @LocalServerPort
    int port;

    SimulatorControl simulator;
    ClientFixture fixture;
    JiraClient jira;
    BitbucketClient bitbucket;

    @BeforeEach
    void setUp() {
        fixture = new ClientFixture(port);
        simulator = new SimulatorControl(fixture.simUrl());
        simulator.reset();
        jira = new JiraClient(fixture.transport(), fixture.jira());
        bitbucket = new BitbucketClient(fixture.transport(), fixture.bitbucket());
    }

    @Test
    void the_reconciliation_of_a_thousand_people_finds_exactly_the_drift_made_and_nothing_on_a_tidy_org() {
        long started = System.nanoTime();
        assertThat(simulator.accounts()).hasSizeGreaterThanOrEqualTo(1000);
        assertThat(reconcile(Clock.systemUTC())).as("a tidy organization").isEmpty();

        List<Map<String, Object>> accounts = simulator.accounts();
        Set<String> inBitbucket = simulator.bitbucketUsers().stream().map(u -> (String) u.get("emailAddress"))
                .collect(Collectors.toSet());
        List<String> jiraOnly = accounts.stream()
                .filter(a -> "managed".equals(a.get("claimStatus")) && a.get("externalDirectory") == null)
                .filter(a -> Boolean.TRUE.equals(a.get("inJira")) && ((List<?>) a.get("confluenceGroups")).isEmpty())
                .filter(a -> !inBitbucket.contains(a.get("email")))
                .map(a -> (String) a.get("accountId")).toList();
        List<String> orphans = jiraOnly.subList(0, ORPHANS);
        List<String> deactivated = jiraOnly.subList(ORPHANS, ORPHANS + DEACTIVATED);
        orphans.forEach(jira::deleteUser);
        UserManagementClient userManagement = new UserManagementClient(fixture.transport(), fixture.userManagement());
        deactivated.forEach(id -> userManagement.disable(id, null));
        List<String> outsiders = new ArrayList<>();
        for (int i = 1; i <= OUTSIDERS; i++) {
            bitbucket.createUser("outsider" + i, "Outsider " + i, "outsider" + i + "@elsewhere.example");
            outsiders.add("UNKNOWN_TO_ORG:bitbucket:outsider" + i);
        }
        // Seventy-five days on, everyone whose last activity is more than fifteen days old now is idle for ninety.
        Instant idleBefore = Instant.now().plus(LATER).minus(Duration.ofDays(90));
        Set<String> drifted = new HashSet<>(orphans);
        drifted.addAll(deactivated);
        Set<String> idle = accounts.stream().filter(a -> "active".equals(a.get("status")))
                .filter(a -> !drifted.contains(a.get("accountId")))
                .filter(a -> ((Map<?, ?>) a.get("lastActive")).values().stream()
                        .map(when -> Instant.parse(when.toString())).allMatch(when -> when.isBefore(idleBefore)))
                .map(a -> "INACTIVE:" + a.get("accountId")).collect(Collectors.toSet());
        assertThat(idle).as("time makes some idle").isNotEmpty();

        ReconciliationLedger ledger = new InMemoryLedger();
        Reconciler reconciler = reconciler(Clock.offset(Clock.systemUTC(), LATER));
        reconciler.read(ledger);
        List<Finding> findings = reconciler.classify(ledger);

        Set<String> expected = new HashSet<>(idle);
        orphans.forEach(id -> expected.add("ORPHANED_ORG_ACCOUNT:" + id));
        deactivated.forEach(id -> expected.add("LICENCE_WASTE:" + id));
        expected.addAll(outsiders);
        assertThat(findings).extracting(Finding::key).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(expected);

        int disables = (int) findings.stream().filter(f -> f.proposedAction() == ProposedAction.DISABLE).count();
        int directory = Reconciler.directorySize(ledger);
        assertThat(directory).isGreaterThanOrEqualTo(1000);
        assertThat(disables).as("the mass-change guard trips").isGreaterThan(reconciler.settings()
                .maxDisableFor(directory));
        System.out.printf("ReconciliationAtScaleIT: %d directory users, %d findings, %d ms%n", directory,
                findings.size(), (System.nanoTime() - started) / 1_000_000);
    }

    private List<Finding> reconcile(Clock clock) {
        Reconciler reconciler = reconciler(clock);
        ReconciliationLedger ledger = new InMemoryLedger();
        reconciler.read(ledger);
        return reconciler.classify(ledger);
    }

    private Reconciler reconciler(Clock clock) {
        OrganizationsClient organizations = new OrganizationsClient(fixture.transport(), fixture.organizations(),
                "demo-org", "demo-dir");
        ConfluenceClient confluence = new ConfluenceClient(fixture.transport(), fixture.confluence());
        return new ReconcilerFactory(organizations, java.util.Optional.of(jira), java.util.Optional.of(confluence),
                java.util.Optional.of(bitbucket), new ReconcileSettings(Duration.ofDays(90), BITBUCKET_OWN, null),
                clock).create();
    }
}
