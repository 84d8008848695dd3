/**
 * Inactivity campaigns: a reconciliation's INACTIVE findings become a campaign, approved by lifecycle-security; each
 * person is sent a notice with a signed, single-use keep link ({@link io.github.atlassianlifecycle.campaign.KeepTokens});
 * at the end of the notice period everyone who did not keep access gets a disable request of their own, through the
 * same {@link io.github.atlassianlifecycle.request.RequestService} as any request. The campaign lives in the plugin's
 * tables ({@code lifecycle_campaign}, {@code lifecycle_campaign_row}); its process is reached through {@link
 * io.github.atlassianlifecycle.campaign.CampaignEngine} only, so this room knows no engine type.
 */
package io.github.atlassianlifecycle.campaign;
