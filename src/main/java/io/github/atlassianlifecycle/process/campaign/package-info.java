/**
 * The Camunda side of inactivity campaigns ({@code account-campaign}): the campaign's start, its approval by
 * lifecycle-security with four eyes, the notice step, the wait for the notice period and the disable step. Each
 * delegate reads the campaign id and calls one rule of {@link io.github.atlassianlifecycle.campaign.CampaignService};
 * no keep-link token or key ever becomes a variable.
 */
package io.github.atlassianlifecycle.process.campaign;
