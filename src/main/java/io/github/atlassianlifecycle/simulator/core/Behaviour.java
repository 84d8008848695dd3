package io.github.atlassianlifecycle.simulator.core;

/**
 * Behaviours Atlassian does not document, switchable through {@code PUT /sim/_control/behaviour} so the clients
 * can be tested against every plausible answer.
 */
public class Behaviour {

    /** Disabling an account that is already inactive: true answers 409, false answers 204 (idempotent). */
    private volatile boolean disableInactiveConflict;

    /** Enabling an account that is already active: true answers 409, false answers 204 (idempotent). */
    private volatile boolean enableActiveConflict;

    /** Adding an org group member who already is one: true answers 409 {@code ADMIN-UAM-409-2}, false 2xx. */
    private volatile boolean groupMemberReaddConflict = true;

    /**
     * Status of the organizations API's writes the reference gives no answer body (suspend, restore, remove from the
     * directory, create a group, add and remove a member, assign and revoke a role): 204, or 200 with a message.
     */
    private volatile int orgActionStatus = 204;

    /** Creating an org group: false answers {@link #orgActionStatus} without the group (documented), true 201 with it. */
    private volatile boolean orgCreatedGroupInAnswer;

    /** False: the org key is valid but may not manage the organization; every organizations call answers 403-2. */
    private volatile boolean orgApiKeyAllowed = true;

    /**
     * An account on a domain the organization has not claimed, read through user management ({@code GET ./manage},
     * {@code GET ./manage/profile}): false answers 403 {@code forbidden} (the only bodies the pre-check documents),
     * true 403 {@code forbidden.unclaimedDomain} as the lifecycle writes do.
     */
    private volatile boolean userManagementReadUnclaimedDomain;

    /** Cancelling the deletion of an account not scheduled for deletion: false answers 200 (nothing to do), true 409. */
    private volatile boolean cancelDeleteUnscheduledConflict;

    /** What a path no simulated endpoint serves answers (see {@link UnknownPaths}). */
    private volatile UnknownPathAnswer unknownPathAnswer = UnknownPathAnswer.NOT_FOUND;

    /** Jira seats: creating or granting access beyond this many active Jira users answers 400. 0 = unlimited. */
    private volatile int jiraLicenceLimit;

    /** Adding a Jira group member who already is one: true answers 400 (unverified), false 201. */
    private volatile boolean jiraGroupReaddRejected = true;

    /** Removing a Jira group member who is not one: true answers 400 (unverified), false 200. */
    private volatile boolean jiraGroupRemoveNonMemberRejected = true;

    /** Bitbucket Data Center licensed users: creating one more answers 403. 0 = unlimited. */
    private volatile int bitbucketLicenceLimit;

    /** SCIM PATCH of a user or group: false answers 200 with the resource, true 204 (RFC 7644 allows both). */
    private volatile boolean scimPatchNoContent;

    /** The organization has at least one paid subscription; false makes v2 invite answer 402. */
    private volatile boolean orgPaidSubscription = true;

    /** Licensed users per product resource id (e.g. the Jira site's ARI); a resource not listed is unlimited. */
    private volatile java.util.Map<String, Integer> seatLimits = java.util.Map.of();

    /**
     * SCIM {@code POST /Users} of an email on a domain the organization has not verified: Atlassian creates no
     * account, without saying with which status: 400 {@code invalidValue} or 403.
     */
    private volatile int scimUnverifiedDomainStatus = 400;

    /**
     * Whether the site credential's user is a site admin (with Administer Jira and Browse users and groups); false
     * makes every Jira and Confluence call that documents a 403 for a missing permission answer it.
     */
    private volatile boolean siteUserIsAdmin = true;

    /**
     * Confluence calls with an id the site does not know where the reference documents no 404 (memberof of an
     * unknown account, the members of an unknown group, adding an unknown account): false answers within the
     * documented statuses (200 with no results, 400 for the invalid accountId), true 404.
     */
    private volatile boolean confluenceUnknownIdsNotFound;

    public boolean isDisableInactiveConflict() {
        return disableInactiveConflict;
    }

    public void setDisableInactiveConflict(boolean disableInactiveConflict) {
        this.disableInactiveConflict = disableInactiveConflict;
    }

    public boolean isEnableActiveConflict() {
        return enableActiveConflict;
    }

    public void setEnableActiveConflict(boolean enableActiveConflict) {
        this.enableActiveConflict = enableActiveConflict;
    }

    public boolean isGroupMemberReaddConflict() {
        return groupMemberReaddConflict;
    }

    public void setGroupMemberReaddConflict(boolean groupMemberReaddConflict) {
        this.groupMemberReaddConflict = groupMemberReaddConflict;
    }

    public int getOrgActionStatus() {
        return orgActionStatus;
    }

    public void setOrgActionStatus(int orgActionStatus) {
        if (orgActionStatus != 200 && orgActionStatus != 204) {
            throw new IllegalArgumentException("orgActionStatus must be 200 or 204");
        }
        this.orgActionStatus = orgActionStatus;
    }

    public boolean isOrgCreatedGroupInAnswer() {
        return orgCreatedGroupInAnswer;
    }

    public void setOrgCreatedGroupInAnswer(boolean orgCreatedGroupInAnswer) {
        this.orgCreatedGroupInAnswer = orgCreatedGroupInAnswer;
    }

    public boolean isOrgApiKeyAllowed() {
        return orgApiKeyAllowed;
    }

    public void setOrgApiKeyAllowed(boolean orgApiKeyAllowed) {
        this.orgApiKeyAllowed = orgApiKeyAllowed;
    }

    public boolean isUserManagementReadUnclaimedDomain() {
        return userManagementReadUnclaimedDomain;
    }

    public void setUserManagementReadUnclaimedDomain(boolean userManagementReadUnclaimedDomain) {
        this.userManagementReadUnclaimedDomain = userManagementReadUnclaimedDomain;
    }

    public boolean isCancelDeleteUnscheduledConflict() {
        return cancelDeleteUnscheduledConflict;
    }

    public void setCancelDeleteUnscheduledConflict(boolean cancelDeleteUnscheduledConflict) {
        this.cancelDeleteUnscheduledConflict = cancelDeleteUnscheduledConflict;
    }

    /** As the switch writes it: {@code not-found}, {@code gone} or {@code plain}. */
    public String getUnknownPathAnswer() {
        return unknownPathAnswer.value();
    }

    public UnknownPathAnswer unknownPathAnswer() {
        return unknownPathAnswer;
    }

    public void setUnknownPathAnswer(Object value) {
        this.unknownPathAnswer = UnknownPathAnswer.of(value);
    }

    public int getJiraLicenceLimit() {
        return jiraLicenceLimit;
    }

    public void setJiraLicenceLimit(int jiraLicenceLimit) {
        if (jiraLicenceLimit < 0) {
            throw new IllegalArgumentException("jiraLicenceLimit must be 0 (unlimited) or more");
        }
        this.jiraLicenceLimit = jiraLicenceLimit;
    }

    public boolean isJiraGroupReaddRejected() {
        return jiraGroupReaddRejected;
    }

    public void setJiraGroupReaddRejected(boolean jiraGroupReaddRejected) {
        this.jiraGroupReaddRejected = jiraGroupReaddRejected;
    }

    public boolean isJiraGroupRemoveNonMemberRejected() {
        return jiraGroupRemoveNonMemberRejected;
    }

    public void setJiraGroupRemoveNonMemberRejected(boolean jiraGroupRemoveNonMemberRejected) {
        this.jiraGroupRemoveNonMemberRejected = jiraGroupRemoveNonMemberRejected;
    }

    public int getBitbucketLicenceLimit() {
        return bitbucketLicenceLimit;
    }

    public void setBitbucketLicenceLimit(int bitbucketLicenceLimit) {
        if (bitbucketLicenceLimit < 0) {
            throw new IllegalArgumentException("bitbucketLicenceLimit must be 0 (unlimited) or more");
        }
        this.bitbucketLicenceLimit = bitbucketLicenceLimit;
    }

    public boolean isScimPatchNoContent() {
        return scimPatchNoContent;
    }

    public void setScimPatchNoContent(boolean scimPatchNoContent) {
        this.scimPatchNoContent = scimPatchNoContent;
    }

    public boolean isOrgPaidSubscription() {
        return orgPaidSubscription;
    }

    public void setOrgPaidSubscription(boolean orgPaidSubscription) {
        this.orgPaidSubscription = orgPaidSubscription;
    }

    public java.util.Map<String, Integer> getSeatLimits() {
        return seatLimits;
    }

    /** From the control switch: {@code {"<resourceId>": <seats>, ...}}; {@code {}} makes every product unlimited. */
    public void setSeatLimits(Object limits) {
        if (!(limits instanceof java.util.Map<?, ?> map)) {
            throw new IllegalArgumentException("seatLimits must be an object of resource id to number of seats");
        }
        java.util.Map<String, Integer> checked = new java.util.LinkedHashMap<>();
        map.forEach((resource, seats) -> {
            if (!(seats instanceof Number number) || number.intValue() < 0) {
                throw new IllegalArgumentException("seatLimits." + resource + " must be a number of seats, 0 or more");
            }
            checked.put(String.valueOf(resource), number.intValue());
        });
        this.seatLimits = java.util.Collections.unmodifiableMap(checked);
    }

    public int getScimUnverifiedDomainStatus() {
        return scimUnverifiedDomainStatus;
    }

    public void setScimUnverifiedDomainStatus(int status) {
        if (status != 400 && status != 403) {
            throw new IllegalArgumentException("scimUnverifiedDomainStatus must be 400 or 403");
        }
        this.scimUnverifiedDomainStatus = status;
    }

    public boolean isSiteUserIsAdmin() {
        return siteUserIsAdmin;
    }

    public void setSiteUserIsAdmin(boolean siteUserIsAdmin) {
        this.siteUserIsAdmin = siteUserIsAdmin;
    }

    public boolean isConfluenceUnknownIdsNotFound() {
        return confluenceUnknownIdsNotFound;
    }

    public void setConfluenceUnknownIdsNotFound(boolean confluenceUnknownIdsNotFound) {
        this.confluenceUnknownIdsNotFound = confluenceUnknownIdsNotFound;
    }

    public void reset() {
        disableInactiveConflict = false;
        enableActiveConflict = false;
        groupMemberReaddConflict = true;
        orgActionStatus = 204;
        orgCreatedGroupInAnswer = false;
        orgApiKeyAllowed = true;
        userManagementReadUnclaimedDomain = false;
        cancelDeleteUnscheduledConflict = false;
        unknownPathAnswer = UnknownPathAnswer.NOT_FOUND;
        jiraLicenceLimit = 0;
        jiraGroupReaddRejected = true;
        jiraGroupRemoveNonMemberRejected = true;
        bitbucketLicenceLimit = 0;
        scimPatchNoContent = false;
        orgPaidSubscription = true;
        seatLimits = java.util.Map.of();
        scimUnverifiedDomainStatus = 400;
        siteUserIsAdmin = true;
        confluenceUnknownIdsNotFound = false;
    }
}
