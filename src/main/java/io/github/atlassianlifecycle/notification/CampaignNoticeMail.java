package io.github.atlassianlifecycle.notification;

/**
 * What a person in an inactivity campaign is told: their account, the link that keeps their access (their own, single
 * use) and when access ends without it. The names are the template's placeholders.
 */
public record CampaignNoticeMail(String accountId, String keepLink, String accessEnds) implements MailInputs {

    @Override
    public String toString() { // never the link: it carries the person's token
        return "CampaignNoticeMail[accountId=" + accountId + ", accessEnds=" + accessEnds + "]";
    }
}
