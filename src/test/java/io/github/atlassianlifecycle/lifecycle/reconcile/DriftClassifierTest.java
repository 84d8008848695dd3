package io.github.atlassianlifecycle.lifecycle.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.github.atlassianlifecycle.lifecycle.ReasonCode;
import io.github.atlassianlifecycle.lifecycle.reconcile.source.DirectoryEntry;
import io.github.atlassianlifecycle.lifecycle.reconcile.source.Product;
import io.github.atlassianlifecycle.lifecycle.reconcile.source.ProductPresence;

/** The four kinds of drift, each from the smallest picture that shows it, and the pictures that must show none. */
class DriftClassifierTest {

    static final Instant NOW = Instant.parse("2026-12-01T02:00:00Z");
    static final Instant RECENT = NOW.minus(Duration.ofDays(3));
    static final Instant LONG_AGO = NOW.minus(Duration.ofDays(200));
    static final Set<Product> ALL = EnumSet.allOf(Product.class);

    final List<DirectoryEntry> entries = new ArrayList<>();
    final List<ProductPresence> presences = new ArrayList<>();
    ReconcileSettings settings = ReconcileSettings.defaults();

    @Test
    void a_clean_organization_has_no_findings() {
        person("a1", "active", RECENT);
        inJira("a1", true, "jira-software-users");
        inConfluence("a1", "confluence-users");
        person("a2", "active", RECENT);
        inBitbucket("ada", "a2@example.com", true, true);
        person("a3", "deactivated", LONG_AGO);
        inJira("a3", false);
        assertThat(classify()).isEmpty();
    }

    @Test
    void an_active_account_gone_from_every_product_it_used_is_orphaned_and_proposed_for_disable() {
        person("a1", "active", RECENT);
        inJira("a1", false, "jira-software-users");

        Finding finding = single();
        assertThat(finding.kind()).isEqualTo(FindingKind.ORPHANED_ORG_ACCOUNT);
        assertThat(finding.proposedAction()).isEqualTo(ProposedAction.DISABLE);
        assertThat(finding.accountId()).isEqualTo("a1");
        assertThat(finding.email()).isEqualTo("a1@example.com");
        assertThat(finding.evidence()).extracting(EvidenceLine::source)
                .containsExactly("organizations.searchUsers", "jira.groupMembers", "confluence.groupMembers",
                        "bitbucket.findUsers");
        assertThat(finding.evidence().get(1).observed()).isEqualTo("JIRA inactive in groups [jira-software-users]");
        assertThat(finding.evidence().get(2).observed()).isEqualTo("CONFLUENCE absent");
    }

    @Test
    void an_account_active_in_one_product_is_not_orphaned() {
        person("a1", "active", RECENT);
        inBitbucket("ada", "A1@Example.com", true, true);
        assertThat(classify()).isEmpty();
    }

    @Test
    void an_account_that_never_used_a_product_is_not_orphaned_but_may_be_inactive() {
        entries.add(entry("a1", "active", null, NOW.minus(Duration.ofDays(5))));
        assertThat(classify()).isEmpty();

        entries.clear();
        entries.add(entry("a1", "active", null, NOW.minus(Duration.ofDays(91))));
        Finding finding = single();
        assertThat(finding.kind()).isEqualTo(FindingKind.INACTIVE);
        assertThat(finding.rule()).startsWith("never active in a product");
    }

    @Test
    void no_product_read_makes_nobody_orphaned() {
        person("a1", "active", RECENT);
        assertThat(new DriftClassifier(settings).classify(observations(), Set.of(), NOW)).isEmpty();
    }

    @Test
    void an_active_account_idle_beyond_the_inactivity_period_is_inactive_with_reason_code_inactivity() {
        person("a1", "active", NOW.minus(Duration.ofDays(91)));
        inJira("a1", true, "jira-software-users");
        person("a2", "active", NOW.minus(Duration.ofDays(89)));
        inJira("a2", true, "jira-software-users");

        Finding finding = single();
        assertThat(finding.accountId()).isEqualTo("a1");
        assertThat(finding.kind()).isEqualTo(FindingKind.INACTIVE);
        assertThat(finding.reasonCode()).isEqualTo(ReasonCode.INACTIVITY);
        assertThat(finding.proposedAction()).isEqualTo(ProposedAction.DISABLE);
    }

    @Test
    void the_inactivity_period_is_the_setting() {
        settings = new ReconcileSettings(Duration.ofDays(30), Set.of(), null);
        person("a1", "active", NOW.minus(Duration.ofDays(45)));
        inJira("a1", true, "jira-software-users");
        assertThat(single().kind()).isEqualTo(FindingKind.INACTIVE);
    }

    @Test
    void a_deactivated_or_suspended_account_still_in_product_groups_is_licence_waste() {
        person("a1", "deactivated", LONG_AGO);
        inJira("a1", false, "jira-software-users", "developers");
        person("a2", "suspended", LONG_AGO);
        inBitbucket("bob", "a2@example.com", true, true);

        List<Finding> findings = classify();
        assertThat(findings).extracting(Finding::kind).containsOnly(FindingKind.LICENCE_WASTE);
        assertThat(findings).extracting(Finding::accountId).containsExactly("a1", "a2");
        assertThat(findings).extracting(Finding::proposedAction).containsOnly(ProposedAction.RELEASE_PRODUCT_ACCESS);
        assertThat(findings.get(0).rule()).contains("JIRA inactive in groups [developers, jira-software-users]");
    }

    @Test
    void an_account_scheduled_for_deletion_is_left_to_its_deletion() {
        entries.add(new DirectoryEntry("a1", "a1@example.com", "atlassian", "for_deletion", "inactive", "active", true,
                LONG_AGO, LONG_AGO, "jira-software", NOW));
        inJira("a1", false, "jira-software-users");
        assertThat(classify()).isEmpty();
    }

    @Test
    void a_product_user_absent_from_the_directory_is_reported_only() {
        person("a1", "active", RECENT);
        inJira("a1", true, "jira-software-users");
        inJira("ghost", true, "jira-software-users");
        inConfluence("ghost", "confluence-users");
        inBitbucket("stranger", "stranger@elsewhere.example", true, true);

        List<Finding> findings = classify();
        assertThat(findings).extracting(Finding::kind).containsOnly(FindingKind.UNKNOWN_TO_ORG);
        assertThat(findings).extracting(Finding::subject).containsExactly("bitbucket:stranger", "ghost");
        assertThat(findings).extracting(Finding::proposedAction).containsOnly(ProposedAction.REPORT);
    }

    @Test
    void a_user_removed_from_the_directory_but_still_in_jira_is_unknown_to_the_org() {
        entries.add(new DirectoryEntry("a1", "a1@example.com", "atlassian", "not_invited", "active", "no_membership",
                false, LONG_AGO, RECENT, "jira-software", NOW));
        inJira("a1", true, "jira-software-users");
        assertThat(single().kind()).isEqualTo(FindingKind.UNKNOWN_TO_ORG);
    }

    @Test
    void apps_bots_and_service_users_are_never_proposed_nor_reported() {
        entries.add(new DirectoryEntry("app1", null, "app", "active", "active", "active", false, LONG_AGO, null, null,
                NOW));
        presences.add(new ProductPresence(Product.JIRA, "bot1", null, null, false, true, Set.of("jira-software-users"),
                NOW));
        inBitbucket("build-bot", "build-bot@bitbucket.invalid", true, false);
        assertThat(classify()).isEmpty();
    }

    @Test
    void excluded_accounts_are_never_proposed_nor_reported_whatever_identifier_names_them() {
        settings = new ReconcileSettings(Duration.ofDays(90), Set.of("a1", "A2@example.com", "Admin"), null);
        person("a1", "active", LONG_AGO);
        person("a2", "deactivated", LONG_AGO);
        inJira("a2", false, "jira-software-users");
        inBitbucket("admin", "admin@bitbucket.invalid", true, true);
        assertThat(classify()).isEmpty();
    }

    @Test
    void an_account_seen_on_two_pages_of_one_product_is_one_presence_with_both_groups() {
        person("a1", "deactivated", LONG_AGO);
        inJira("a1", false, "jira-software-users");
        inJira("a1", false, "developers");
        Finding finding = single();
        assertThat(finding.evidence()).filteredOn(line -> line.source().equals("jira.groupMembers"))
                .extracting(EvidenceLine::observed).containsExactly("JIRA inactive in groups [developers, jira-software-users]");
    }

    @Test
    void the_mass_change_threshold_is_five_percent_of_the_directory_or_fifty_whichever_is_larger() {
        assertThat(ReconcileSettings.defaults().maxDisableFor(100)).isEqualTo(50);
        assertThat(ReconcileSettings.defaults().maxDisableFor(10_000)).isEqualTo(500);
        assertThat(ReconcileSettings.defaults().maxDisableFor(1_001)).isEqualTo(51);
        assertThat(new ReconcileSettings(Duration.ofDays(90), Set.of(), 7).maxDisableFor(10_000)).isEqualTo(7);
    }

    // ---- the picture

    private void person(String id, String state, Instant lastActive) {
        entries.add(switch (state) {
            case "active" -> entry(id, "active", lastActive, LONG_AGO);
            case "deactivated" -> new DirectoryEntry(id, id + "@example.com", "atlassian", "deactivated", "inactive",
                    "active", false, LONG_AGO, lastActive, "jira-software", NOW);
            case "suspended" -> new DirectoryEntry(id, id + "@example.com", "atlassian", "suspended", "active",
                    "suspended", false, LONG_AGO, lastActive, "jira-software", NOW);
            default -> throw new IllegalArgumentException(state);
        });
    }

    private static DirectoryEntry entry(String id, String status, Instant lastActive, Instant added) {
        return new DirectoryEntry(id, id + "@example.com", "atlassian", status, "active", "active", false, added,
                lastActive, lastActive == null ? null : "jira-software", NOW);
    }

    private void inJira(String id, boolean active, String... groups) {
        presences.add(new ProductPresence(Product.JIRA, id, null, null, true, active, Set.of(groups), NOW));
    }

    private void inConfluence(String id, String... groups) {
        presences.add(new ProductPresence(Product.CONFLUENCE, id, null, null, true, true, Set.of(groups), NOW));
    }

    private void inBitbucket(String name, String email, boolean active, boolean person) {
        presences.add(new ProductPresence(Product.BITBUCKET, null, name, email, person, active, Set.of(), NOW));
    }

    private ReconciliationLedger.Observations observations() {
        return new ReconciliationLedger.Observations(entries, presences);
    }

    @Test
    void an_account_kept_in_a_campaign_within_the_inactivity_period_is_not_inactive_again() {
        person("a1", "active", NOW.minus(Duration.ofDays(120)));
        inJira("a1", true, "jira-software-users");
        person("a2", "active", NOW.minus(Duration.ofDays(120)));
        inJira("a2", true, "jira-software-users");
        Map<String, KeptAccess.Keep> kept = Map.of("a1", new KeptAccess.Keep(NOW.minus(Duration.ofDays(2)), "c-1"));

        List<Finding> findings = new DriftClassifier(settings).classify(observations(), ALL, NOW, kept);

        assertThat(findings).extracting(Finding::accountId).containsExactly("a2");
    }

    @Test
    void an_account_kept_longer_ago_than_the_inactivity_period_is_inactive_and_its_evidence_names_the_keep() {
        Instant keptAt = NOW.minus(Duration.ofDays(95));
        person("a1", "active", NOW.minus(Duration.ofDays(200)));
        inJira("a1", true, "jira-software-users");

        List<Finding> findings = new DriftClassifier(settings).classify(observations(), ALL, NOW,
                Map.of("a1", new KeptAccess.Keep(keptAt, "c-1")));

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.kind()).isEqualTo(FindingKind.INACTIVE);
            assertThat(finding.evidence()).extracting(EvidenceLine::observed)
                    .contains("kept on " + keptAt + " in campaign c-1");
            assertThat(finding.rule()).contains("kept on " + keptAt + " in campaign c-1");
        });
    }

    private List<Finding> classify() {
        return new DriftClassifier(settings).classify(observations(), ALL, NOW);
    }

    private Finding single() {
        List<Finding> findings = classify();
        assertThat(findings).hasSize(1);
        return findings.get(0);
    }
}
