-- Issue 8, the triage score's remaining inputs.
-- Customer commitments: a requisition bought for a customer order with a promised date is urgent by
-- that date, and the triage score boosts it (policy: exceptions.customer_commitment_boost).
ALTER TABLE requisitions
    ADD COLUMN customer_order text,
    ADD COLUMN promised_date  date,
    -- The supplier as the requisition (or the ERP, or the quote) states it: {name, vat_id, iban}.
    -- Compared with the supplier master at submission; a disagreement is a supplier_master_mismatch.
    ADD COLUMN supplier_stated jsonb;

-- The supplier master's identifiers the stated details are compared with.
ALTER TABLE suppliers
    ADD COLUMN vat_id text,
    ADD COLUMN iban   text;

-- The probability part learned from reviewers' outcomes (models/exception-probability): written by the
-- worker when it scores a newly raised exception, read by the inbox instead of the blend when present.
ALTER TABLE exceptions
    ADD COLUMN model_probability double precision CHECK (model_probability BETWEEN 0 AND 1),
    ADD COLUMN model_version     text;
CREATE INDEX exceptions_unscored ON exceptions (tenant_id) WHERE model_probability IS NULL AND status IN ('open', 'assigned');
