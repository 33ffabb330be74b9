-- A job is unique per tenant, kind and subject: subjects are ids chosen per tenant, so two tenants'
-- subjects must never collide on one job row (and a cancel must only touch its own tenant's job).
ALTER TABLE jobs DROP CONSTRAINT jobs_kind_subject_id_key;
ALTER TABLE jobs ADD CONSTRAINT jobs_tenant_kind_subject_key UNIQUE (tenant_id, kind, subject_id);
