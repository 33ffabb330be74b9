-- Integration and control loop: holds, supplier compliance, budget snapshots, the cross-tenant job
-- queue, the transactional outbox, inbound webhook bookkeeping, recommendations and after-the-fact reviews.

-- Requisitions can wait (supplier on hold, stale budget snapshot) and carry why; timers drive SLAs.
ALTER TABLE requisitions
    ADD COLUMN hold_reasons jsonb NOT NULL DEFAULT '[]',
    ADD COLUMN flags jsonb NOT NULL DEFAULT '[]',
    ADD COLUMN erp_version bigint,
    ADD COLUMN next_timer_at timestamptz;
CREATE INDEX requisitions_timers ON requisitions (next_timer_at) WHERE next_timer_at IS NOT NULL;
CREATE INDEX requisitions_supplier_hold ON requisitions (tenant_id, supplier_id) WHERE status = 'on_hold';

ALTER TABLE suppliers
    ADD COLUMN status_version bigint NOT NULL DEFAULT 0,
    ADD COLUMN status_reason text,
    ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();
ALTER TABLE suppliers ADD CONSTRAINT suppliers_status_check
    CHECK (status IN ('active', 'on_hold', 'blocked', 'onboarding_incomplete'));

CREATE TABLE supplier_documents (
    tenant_id   uuid NOT NULL REFERENCES tenants(id),
    supplier_id text NOT NULL,
    kind        text NOT NULL,
    reference   text,
    expires_on  date,
    PRIMARY KEY (tenant_id, supplier_id, kind),
    FOREIGN KEY (tenant_id, supplier_id) REFERENCES suppliers(tenant_id, id)
);

-- A budget row is a snapshot from the ERP: its age decides whether it may be trusted.
ALTER TABLE budgets
    ADD COLUMN snapshot_at timestamptz NOT NULL DEFAULT now(),
    ADD COLUMN version bigint NOT NULL DEFAULT 0;

-- Cross-tenant work queue: ids and due times only (no tenant data), so workers can claim work with
-- FOR UPDATE SKIP LOCKED across tenants and then open a tenant scope to do it. A lease makes work
-- claimed by a crashed worker visible again.
CREATE TABLE jobs (
    id           bigserial PRIMARY KEY,
    tenant_id    uuid NOT NULL REFERENCES tenants(id),
    kind         text NOT NULL,
    subject_id   text NOT NULL,
    due_at       timestamptz NOT NULL,
    locked_until timestamptz,
    attempts     int NOT NULL DEFAULT 0,
    created_at   timestamptz NOT NULL DEFAULT now(),
    UNIQUE (kind, subject_id)
);
CREATE INDEX jobs_due ON jobs (due_at);

-- Transactional outbox: written in the same transaction as the change it announces.
CREATE TABLE outbox_messages (
    id              uuid PRIMARY KEY,
    tenant_id       uuid NOT NULL REFERENCES tenants(id),
    topic           text NOT NULL,
    idempotency_key text NOT NULL,
    subject_id      text,
    payload         jsonb NOT NULL,
    status          text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'dead')),
    attempts        int NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    last_error      text,
    created_at      timestamptz NOT NULL,
    delivered_at    timestamptz,
    UNIQUE (tenant_id, idempotency_key)
);
CREATE INDEX outbox_status ON outbox_messages (tenant_id, status, created_at);

-- Per-tenant integration settings: where PO releases go and the secrets that sign traffic.
CREATE TABLE webhook_secrets (
    id         uuid PRIMARY KEY,
    tenant_id  uuid NOT NULL REFERENCES tenants(id),
    direction  text NOT NULL CHECK (direction IN ('inbound', 'outbound')),
    secret     text NOT NULL,
    active     boolean NOT NULL DEFAULT true,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE erp_endpoints (
    tenant_id uuid PRIMARY KEY REFERENCES tenants(id),
    url       text NOT NULL
);

-- Inbound events: unique per tenant and event id (idempotency), signatures remembered (replay).
CREATE TABLE webhook_events (
    tenant_id   uuid NOT NULL REFERENCES tenants(id),
    event_id    text NOT NULL,
    event_type  text NOT NULL,
    signature   text NOT NULL,
    body_sha256 text NOT NULL,
    result      jsonb,
    received_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, event_id)
);
CREATE UNIQUE INDEX webhook_events_signature ON webhook_events (tenant_id, signature);

-- AI recommendations waiting for a human decision.
CREATE TABLE recommendations (
    id             uuid PRIMARY KEY,
    tenant_id      uuid NOT NULL REFERENCES tenants(id),
    kind           text NOT NULL,
    subject_type   text NOT NULL,
    subject_id     text NOT NULL,
    payload        jsonb NOT NULL,
    confidence     double precision NOT NULL CHECK (confidence >= 0 AND confidence <= 1),
    producer       jsonb NOT NULL,
    evidence       jsonb NOT NULL DEFAULT '[]',
    input_hash     text NOT NULL,
    status         text NOT NULL DEFAULT 'pending',
    decided_by     text,
    decision_reason text,
    edited_payload jsonb,
    effect         jsonb,
    expires_at     timestamptz NOT NULL,
    created_at     timestamptz NOT NULL,
    decided_at     timestamptz
);
CREATE INDEX recommendations_pending ON recommendations (tenant_id, status, created_at);
-- The same producer posting the same input for the same subject twice is one recommendation.
CREATE UNIQUE INDEX recommendations_dedup ON recommendations (tenant_id, kind, subject_id, input_hash);

-- Mandatory after-the-fact reviews (emergency purchases).
CREATE TABLE post_reviews (
    id             uuid PRIMARY KEY,
    tenant_id      uuid NOT NULL REFERENCES tenants(id),
    requisition_id uuid NOT NULL REFERENCES requisitions(id),
    reason         text NOT NULL,
    status         text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'completed')),
    due_at         timestamptz NOT NULL,
    completed_by   text,
    outcome        text,
    comment        text,
    created_at     timestamptz NOT NULL,
    completed_at   timestamptz,
    UNIQUE (requisition_id)
);

DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['supplier_documents','outbox_messages','webhook_secrets','erp_endpoints',
        'webhook_events','recommendations','post_reviews']
    LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format($p$CREATE POLICY tenant_isolation ON %I
            USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
            WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)$p$, t);
    END LOOP;
END $$;
