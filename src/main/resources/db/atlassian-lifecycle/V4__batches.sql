-- Bulk requests: one batch per upload, one row per line of it. A batch is approved as a whole (rows can be excluded);
-- each approved row then becomes a request of its own (lifecycle_request), named by request_id. Rows refused at
-- submission keep only their line and the reason. Runs on H2 and PostgreSQL alike.

CREATE TABLE lifecycle_batch (
  id VARCHAR(36) PRIMARY KEY,
  requester VARCHAR(255) NOT NULL,
  -- csv or json: what a row's line counts (a line of the file, or an index of the array)
  source VARCHAR(8) NOT NULL,
  process_instance_id VARCHAR(64),
  -- NULL while it waits for approval; APPROVED or REJECTED once decided
  decision VARCHAR(16),
  decided_by VARCHAR(255),
  decided_at TIMESTAMP WITH TIME ZONE,
  decision_comment VARCHAR(2000),
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX lifecycle_batch_requester ON lifecycle_batch (requester);
CREATE INDEX lifecycle_batch_process ON lifecycle_batch (process_instance_id);

CREATE TABLE lifecycle_batch_row (
  batch_id VARCHAR(36) NOT NULL REFERENCES lifecycle_batch (id),
  line INTEGER NOT NULL,
  action VARCHAR(16),
  account_id VARCHAR(128),
  email VARCHAR(254),
  display_name VARCHAR(255),
  groups_json VARCHAR(20000),
  reason VARCHAR(2000),
  reason_code VARCHAR(32),
  -- why the row was refused at submission, or why its request could not be started
  error VARCHAR(4000),
  excluded BOOLEAN NOT NULL DEFAULT FALSE,
  request_id VARCHAR(36),
  PRIMARY KEY (batch_id, line)
);

CREATE INDEX lifecycle_batch_row_request ON lifecycle_batch_row (request_id);
