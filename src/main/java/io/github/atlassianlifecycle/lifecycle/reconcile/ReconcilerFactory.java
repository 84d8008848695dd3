package io.github.atlassianlifecycle.lifecycle.reconcile;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.github.atlassianlifecycle.client.bitbucket.BitbucketClient;
import io.github.atlassianlifecycle.client.confluence.ConfluenceClient;
import io.github.atlassianlifecycle.client.jira.JiraClient;
import io.github.atlassianlifecycle.client.organizations.OrganizationsClient;
import io.github.atlassianlifecycle.lifecycle.reconcile.source.BitbucketGroupsSource;
import io.github.atlassianlifecycle.lifecycle.reconcile.source.BitbucketSource;
import io.github.atlassianlifecycle.lifecycle.reconcile.source.ConfluenceMembershipsSource;
import io.github.atlassianlifecycle.lifecycle.reconcile.source.ConfluenceSource;
import io.github.atlassianlifecycle.lifecycle.reconcile.source.DirectorySource;
import io.github.atlassianlifecycle.lifecycle.reconcile.source.JiraSource;
import io.github.atlassianlifecycle.lifecycle.reconcile.source.JiraUsersSource;
import io.github.atlassianlifecycle.lifecycle.reconcile.source.ProductSource;

/**
 * Makes a {@link Reconciler} over the configured clients for each run: the group-walking sources remember their
 * group lists, and a run (or its resume) should list the groups of its own time.
 */
public class ReconcilerFactory {

    private final OrganizationsClient organizations;
    private final Optional<JiraClient> jira;
    private final Optional<ConfluenceClient> confluence;
    private final Optional<BitbucketClient> bitbucket;
    private final ReconcileSettings settings;
    private final KeptAccess kept;
    private final Clock clock;

    public ReconcilerFactory(OrganizationsClient organizations, Optional<JiraClient> jira,
            Optional<ConfluenceClient> confluence, Optional<BitbucketClient> bitbucket, ReconcileSettings settings,
            Clock clock) {
        this(organizations, jira, confluence, bitbucket, settings, KeptAccess.NONE, clock);
    }

    /** @param kept who kept their access in an inactivity campaign (a keep counts as activity) */
    public ReconcilerFactory(OrganizationsClient organizations, Optional<JiraClient> jira,
            Optional<ConfluenceClient> confluence, Optional<BitbucketClient> bitbucket, ReconcileSettings settings,
            KeptAccess kept, Clock clock) {
        this.kept = Objects.requireNonNull(kept, "kept");
        this.organizations = Objects.requireNonNull(organizations, "organizations");
        this.jira = jira;
        this.confluence = confluence;
        this.bitbucket = bitbucket;
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Reconciler create() {
        List<ProductSource> products = new ArrayList<>();
        jira.ifPresent(client -> products.add(new JiraSource(client, clock)));
        jira.ifPresent(client -> products.add(new JiraUsersSource(client, clock)));
        confluence.ifPresent(client -> products.add(new ConfluenceSource(client, clock)));
        confluence.ifPresent(client -> products.add(new ConfluenceMembershipsSource(client, clock)));
        bitbucket.ifPresent(client -> products.add(new BitbucketSource(client, clock)));
        bitbucket.ifPresent(client -> products.add(new BitbucketGroupsSource(client, clock)));
        return new Reconciler(new DirectorySource(organizations, clock), products, settings, kept, clock);
    }

    public ReconcileSettings settings() {
        return settings;
    }
}
