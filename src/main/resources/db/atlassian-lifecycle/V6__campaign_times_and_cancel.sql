-- Inactivity campaigns, second step: a campaign can be cancelled by security before its disables start (its PENDING
-- rows become CANCELLED), and each row records when its notice went out and when its disable request was started,
-- so the report shows times for notice sent, kept and disabled. Runs on H2 and PostgreSQL alike.

ALTER TABLE lifecycle_campaign ADD COLUMN cancelled_by VARCHAR(255);
ALTER TABLE lifecycle_campaign ADD COLUMN cancelled_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE lifecycle_campaign_row ADD COLUMN noticed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE lifecycle_campaign_row ADD COLUMN disabled_at TIMESTAMP WITH TIME ZONE;

-- Which campaign a reconciliation has, and which people wait in an open campaign: asked at every new campaign.
CREATE INDEX lifecycle_campaign_reconciliation ON lifecycle_campaign (reconciliation_id);
CREATE INDEX lifecycle_campaign_row_waiting ON lifecycle_campaign_row (state, account_id);
