-- Exception triage (issue 8): one inbox of everything that needs a person.
-- Exceptions are projected from the decision log (see Data/Exceptions/ExceptionProjector): the
-- checkpoint advances in the same transaction as the exceptions it produced, and the dedup key makes a
-- replay a no-op, so a worker restarted mid-way neither loses nor duplicates one.
CREATE TABLE exceptions (
    id             uuid PRIMARY KEY,
    tenant_id      uuid NOT NULL REFERENCES tenants(id),
    dedup_key      text NOT NULL,
    type           text NOT NULL,
    severity       text NOT NULL CHECK (severity IN ('low', 'medium', 'high', 'critical')),
    owner_queue    text NOT NULL,
    subject_type   text NOT NULL,
    subject_id     text NOT NULL,
    requisition_id uuid REFERENCES requisitions(id),
    title          text NOT NULL,
    evidence       jsonb NOT NULL,
    confidence     double precision,
    status         text NOT NULL CHECK (status IN ('open', 'assigned', 'resolved', 'dismissed')),
    assigned_to    text,
    -- resolved: the condition was real and is dealt with; dismissed: a false alarm (with the reason).
    resolution     text,
    decided_by     text,
    decided_at     timestamptz,
    source_seq     bigint NOT NULL,
    raised_at      timestamptz NOT NULL,
    updated_at     timestamptz NOT NULL,
    UNIQUE (tenant_id, dedup_key)
);
CREATE INDEX exceptions_inbox ON exceptions (tenant_id, status, owner_queue);
CREATE INDEX exceptions_requisition ON exceptions (requisition_id) WHERE requisition_id IS NOT NULL;

-- How far each tenant's decision log has been projected.
CREATE TABLE exception_checkpoints (
    tenant_id uuid PRIMARY KEY REFERENCES tenants(id),
    last_seq  bigint NOT NULL DEFAULT 0
);

SELECT enable_tenant_isolation(ARRAY['exceptions', 'exception_checkpoints']);
