-- Governed retraining (issue 7): reviewer outcomes become training data, but only with the tenant's consent.

-- A tenant that opts out is never exported by `aigov outcomes export` (its datasheet names it as excluded).
-- Default false: the outcomes are the tenant's own reviewers correcting the detectors they use.
ALTER TABLE tenants ADD COLUMN training_opt_out boolean NOT NULL DEFAULT false;

-- Exports read decided detector recommendations by time; this keeps the scan off the whole table.
CREATE INDEX recommendations_decided ON recommendations (tenant_id, decided_at) WHERE decided_at IS NOT NULL;
