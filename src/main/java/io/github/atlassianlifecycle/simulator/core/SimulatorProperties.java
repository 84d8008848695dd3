package io.github.atlassianlifecycle.simulator.core;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The built-in Atlassian simulator, served under {@code /sim}, set under its own prefix {@code simulator.*}: it is
 * not part of the plugin, whose settings are {@code atlassian.*}. Demo and test credentials only: the simulator is
 * a stand-in for Atlassian, never a production component.
 */
@ConfigurationProperties(SimulatorProperties.PREFIX)
public class SimulatorProperties {

    /** The prefix of every simulator setting. */
    public static final String PREFIX = "simulator";

    /** Serve the simulator from this application. */
    private boolean enabled;

    /** Managed users seeded on the claimed domain (up to 100,000). */
    private int users = 60;

    /**
     * Seed a tidy organization: every managed account active, recently active and in Jira, every seeded Bitbucket
     * user active; none deactivated or scheduled for deletion. What a reconciliation of it finds is only what a test
     * then changes through the simulated APIs (and Bitbucket's own admin, build bot and system administrator, which
     * have no Atlassian account).
     */
    private boolean tidy;

    /** Seed of the pseudo-random demo data, so every start looks the same. */
    private long seed = 42;

    /** The simulated organization's id. */
    private String orgId = "demo-org";

    /** The simulated organization's single directory. */
    private String directoryId = "demo-dir";

    /** The domain the organization has verified and claimed: accounts on it are managed. */
    private String domain = "demo.example";

    /** Organization API key the simulator accepts. */
    private String orgApiKey = "sim-org-key";

    /** SCIM directory key the simulator accepts. */
    private String scimApiKey = "sim-scim-key";

    /** Site admin email the simulator accepts for Jira and Confluence. */
    private String siteEmail = "admin@demo.example";

    /** Site admin API token the simulator accepts for Jira and Confluence. */
    private String siteApiToken = "sim-site-token";

    /** Bitbucket Data Center admin user the simulator accepts. */
    private String bitbucketUser = "admin";

    /** Bitbucket Data Center password or HTTP access token the simulator accepts. */
    private String bitbucketToken = "sim-bitbucket-token";

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public boolean isTidy() {
        return tidy;
    }

    public void setTidy(boolean tidy) {
        this.tidy = tidy;
    }

    public int getUsers() {
        return users;
    }

    public void setUsers(int users) {
        if (users < 0 || users > 100_000) {
            throw new IllegalArgumentException(PREFIX + ".users must be between 0 and 100000");
        }
        this.users = users;
    }

    public long getSeed() {
        return seed;
    }

    public void setSeed(long seed) {
        this.seed = seed;
    }

    public String getOrgId() {
        return orgId;
    }

    public void setOrgId(String orgId) {
        this.orgId = orgId;
    }

    public String getDirectoryId() {
        return directoryId;
    }

    public void setDirectoryId(String directoryId) {
        this.directoryId = directoryId;
    }

    public String getDomain() {
        return domain;
    }

    public void setDomain(String domain) {
        this.domain = domain;
    }

    public String getOrgApiKey() {
        return orgApiKey;
    }

    public void setOrgApiKey(String orgApiKey) {
        this.orgApiKey = orgApiKey;
    }

    public String getScimApiKey() {
        return scimApiKey;
    }

    public void setScimApiKey(String scimApiKey) {
        this.scimApiKey = scimApiKey;
    }

    public String getSiteEmail() {
        return siteEmail;
    }

    public void setSiteEmail(String siteEmail) {
        this.siteEmail = siteEmail;
    }

    public String getSiteApiToken() {
        return siteApiToken;
    }

    public void setSiteApiToken(String siteApiToken) {
        this.siteApiToken = siteApiToken;
    }

    public String getBitbucketUser() {
        return bitbucketUser;
    }

    public void setBitbucketUser(String bitbucketUser) {
        this.bitbucketUser = bitbucketUser;
    }

    public String getBitbucketToken() {
        return bitbucketToken;
    }

    public void setBitbucketToken(String bitbucketToken) {
        this.bitbucketToken = bitbucketToken;
    }
}
