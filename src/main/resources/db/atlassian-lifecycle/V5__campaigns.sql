-- Inactivity campaigns: one campaign per run, made from a completed reconciliation's INACTIVE findings; one row per
-- person. A row is PENDING until the person keeps access (KEPT) or the notice period ends and the row's own disable
-- request is started (DISABLED, request_id). The keep link's token is never stored: only its SHA-256 hash.
-- Runs on H2 and PostgreSQL alike.

CREATE TABLE lifecycle_campaign (
  id VARCHAR(36) PRIMARY KEY,
  reconciliation_id VARCHAR(64) NOT NULL,
  requester VARCHAR(255) NOT NULL,
  process_instance_id VARCHAR(64),
  -- NULL while it waits for approval; APPROVED or REJECTED once decided
  decision VARCHAR(16),
  decided_by VARCHAR(255),
  decided_at TIMESTAMP WITH TIME ZONE,
  decision_comment VARCHAR(2000),
  -- the end of the notice period, set when the notices go out
  notice_ends_at TIMESTAMP WITH TIME ZONE,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE lifecycle_campaign_row (
  campaign_id VARCHAR(36) NOT NULL REFERENCES lifecycle_campaign (id),
  account_id VARCHAR(128) NOT NULL,
  email VARCHAR(254),
  -- SENT, or NOT_SENT with notice_error saying why; NULL before the notices go out
  notice VARCHAR(16),
  notice_error VARCHAR(2000),
  token_hash VARCHAR(64),
  state VARCHAR(16) NOT NULL,
  kept_at TIMESTAMP WITH TIME ZONE,
  request_id VARCHAR(36),
  error VARCHAR(4000),
  PRIMARY KEY (campaign_id, account_id)
);

CREATE INDEX lifecycle_campaign_row_token ON lifecycle_campaign_row (token_hash);
