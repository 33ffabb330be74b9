-- Core schema: tenants, master data, policies, requisitions, delegations, idempotency and the
-- decision log. Every tenant-owned table carries tenant_id and is guarded by row-level security
-- keyed on the transaction-local setting app.tenant_id (see TenantScope).

CREATE TABLE tenants (
    id            uuid PRIMARY KEY,
    slug          text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{1,40}$'),
    name          text NOT NULL,
    base_currency char(3) NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE legal_entities (
    tenant_id uuid NOT NULL REFERENCES tenants(id),
    code      text NOT NULL,
    name      text NOT NULL,
    PRIMARY KEY (tenant_id, code)
);

CREATE TABLE app_users (
    tenant_id uuid NOT NULL REFERENCES tenants(id),
    id        text NOT NULL,
    name      text NOT NULL,
    email     text NOT NULL,
    roles     text[] NOT NULL DEFAULT '{}',
    active    boolean NOT NULL DEFAULT true,
    PRIMARY KEY (tenant_id, id)
);

CREATE TABLE cost_centres (
    tenant_id    uuid NOT NULL REFERENCES tenants(id),
    code         text NOT NULL,
    name         text NOT NULL,
    legal_entity text NOT NULL,
    owner_id     text,
    PRIMARY KEY (tenant_id, code),
    FOREIGN KEY (tenant_id, legal_entity) REFERENCES legal_entities(tenant_id, code),
    FOREIGN KEY (tenant_id, owner_id) REFERENCES app_users(tenant_id, id)
);

CREATE TABLE suppliers (
    tenant_id uuid NOT NULL REFERENCES tenants(id),
    id        text NOT NULL,
    name      text NOT NULL,
    risk_tier text NOT NULL CHECK (risk_tier IN ('low', 'medium', 'high')),
    status    text NOT NULL DEFAULT 'active',
    PRIMARY KEY (tenant_id, id)
);

CREATE TABLE budgets (
    tenant_id   uuid NOT NULL REFERENCES tenants(id),
    cost_centre text NOT NULL,
    period      text NOT NULL,
    amount      numeric(18,2) NOT NULL,
    committed   numeric(18,2) NOT NULL DEFAULT 0,
    currency    char(3) NOT NULL,
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, cost_centre, period),
    FOREIGN KEY (tenant_id, cost_centre) REFERENCES cost_centres(tenant_id, code)
);

CREATE TABLE policy_versions (
    id          bigserial PRIMARY KEY,
    tenant_id   uuid NOT NULL REFERENCES tenants(id),
    version     int NOT NULL,
    name        text NOT NULL,
    yaml        text NOT NULL,
    sha256      text NOT NULL,
    uploaded_by text NOT NULL,
    uploaded_at timestamptz NOT NULL DEFAULT now(),
    is_active   boolean NOT NULL DEFAULT false,
    activated_at timestamptz,
    UNIQUE (tenant_id, version)
);
-- At most one active policy per tenant, enforced by the database rather than by convention.
CREATE UNIQUE INDEX policy_versions_one_active ON policy_versions (tenant_id) WHERE is_active;

CREATE SEQUENCE requisition_numbers;

CREATE TABLE requisitions (
    id                 uuid PRIMARY KEY,
    tenant_id          uuid NOT NULL REFERENCES tenants(id),
    number             text NOT NULL,
    legal_entity       text NOT NULL,
    cost_centre        text NOT NULL,
    requester_id       text NOT NULL,
    supplier_id        text NOT NULL,
    category           text NOT NULL,
    currency           char(3) NOT NULL,
    urgency            text NOT NULL,
    needed_by          date,
    lines              jsonb NOT NULL,
    attachments        jsonb NOT NULL DEFAULT '[]',
    external_erp_id    text,
    amount             numeric(18,2) NOT NULL,
    amount_base        numeric(18,2) NOT NULL,
    base_currency      char(3) NOT NULL,
    status             text NOT NULL,
    policy_version_id  bigint NOT NULL REFERENCES policy_versions(id),
    routing            jsonb NOT NULL,
    steps              jsonb NOT NULL,
    pending_approvers  text[] NOT NULL DEFAULT '{}',
    version            int NOT NULL DEFAULT 1,
    created_at         timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL,
    UNIQUE (tenant_id, number),
    FOREIGN KEY (tenant_id, legal_entity) REFERENCES legal_entities(tenant_id, code),
    FOREIGN KEY (tenant_id, cost_centre) REFERENCES cost_centres(tenant_id, code),
    FOREIGN KEY (tenant_id, supplier_id) REFERENCES suppliers(tenant_id, id),
    FOREIGN KEY (tenant_id, requester_id) REFERENCES app_users(tenant_id, id)
);
CREATE UNIQUE INDEX requisitions_erp_id ON requisitions (tenant_id, external_erp_id) WHERE external_erp_id IS NOT NULL;
-- The approval queue is "pending requisitions whose open slots admit any of my keys".
CREATE INDEX requisitions_queue ON requisitions USING gin (pending_approvers) WHERE status = 'pending_approval';
CREATE INDEX requisitions_created ON requisitions (tenant_id, created_at DESC);

CREATE TABLE approval_decisions (
    id              bigserial PRIMARY KEY,
    tenant_id       uuid NOT NULL REFERENCES tenants(id),
    requisition_id  uuid NOT NULL REFERENCES requisitions(id),
    step_index      int NOT NULL,
    slot_index      int,
    decision        text NOT NULL,
    actor_id        text NOT NULL,
    on_behalf_of    text,
    comment         text,
    decided_at      timestamptz NOT NULL
);
CREATE INDEX approval_decisions_req ON approval_decisions (requisition_id);

CREATE TABLE delegations (
    id           uuid PRIMARY KEY,
    tenant_id    uuid NOT NULL REFERENCES tenants(id),
    delegator_id text NOT NULL,
    delegate_id  text NOT NULL,
    valid_from   timestamptz NOT NULL,
    valid_to     timestamptz NOT NULL,
    reason       text,
    revoked_at   timestamptz,
    created_at   timestamptz NOT NULL,
    CHECK (valid_to > valid_from),
    CHECK (delegator_id <> delegate_id),
    FOREIGN KEY (tenant_id, delegator_id) REFERENCES app_users(tenant_id, id),
    FOREIGN KEY (tenant_id, delegate_id) REFERENCES app_users(tenant_id, id)
);
CREATE INDEX delegations_delegate ON delegations (tenant_id, delegate_id) WHERE revoked_at IS NULL;

CREATE TABLE idempotency_keys (
    tenant_id     uuid NOT NULL REFERENCES tenants(id),
    principal     text NOT NULL,
    key           text NOT NULL,
    request_hash  text NOT NULL,
    status_code   int,
    response_body text,
    location      text,
    created_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, principal, key)
);

-- The decision log: append-only and hash-chained per tenant. Order comes from the sequence;
-- each entry's hash covers its canonical content and the previous entry's hash.
CREATE SEQUENCE decision_log_seq;
CREATE TABLE decision_log (
    seq          bigint PRIMARY KEY,
    tenant_id    uuid NOT NULL REFERENCES tenants(id),
    kind         text NOT NULL,
    actor        text NOT NULL,
    on_behalf_of text,
    subject_type text,
    subject_id   text,
    payload      jsonb NOT NULL,
    recorded_at  timestamptz NOT NULL,
    prev_hash    text NOT NULL,
    hash         text NOT NULL
);
CREATE INDEX decision_log_tenant_seq ON decision_log (tenant_id, seq);
CREATE INDEX decision_log_subject ON decision_log (tenant_id, subject_id);

-- The chain head per tenant: writers lock this row, so entries of one tenant chain in order.
CREATE TABLE decision_log_heads (
    tenant_id uuid PRIMARY KEY REFERENCES tenants(id),
    last_seq  bigint NOT NULL DEFAULT 0,
    last_hash text NOT NULL
);

CREATE FUNCTION decision_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'decision_log is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER decision_log_no_update BEFORE UPDATE OR DELETE ON decision_log
    FOR EACH ROW EXECUTE FUNCTION decision_log_is_append_only();
CREATE TRIGGER decision_log_no_truncate BEFORE TRUNCATE ON decision_log
    FOR EACH STATEMENT EXECUTE FUNCTION decision_log_is_append_only();

-- Row-level security: FORCE makes it bind the table owner too, so only a superuser bypasses it.
DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['legal_entities','app_users','cost_centres','suppliers','budgets',
        'policy_versions','requisitions','approval_decisions','delegations','idempotency_keys',
        'decision_log','decision_log_heads']
    LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format($p$CREATE POLICY tenant_isolation ON %I
            USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
            WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)$p$, t);
    END LOOP;
END $$;
-- The tenants row itself: the application role sees only its own tenant; the owner role
-- (migrations, seeding, token issuing) is not forced, so it can create and list tenants.
ALTER TABLE tenants ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON tenants
    USING (id = nullif(current_setting('app.tenant_id', true), '')::uuid);
