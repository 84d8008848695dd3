-- An outcome a designer's end event sets can be longer than the plugin's own (the store keeps its first 64
-- characters). Widening is idempotent: a database whose column the in-code DDL already made 64 wide passes unchanged.
ALTER TABLE lifecycle_request ALTER COLUMN outcome SET DATA TYPE VARCHAR(64);
