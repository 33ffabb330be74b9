-- Detection models (issue 4): description embeddings, price history, scoring results and model switches.

-- The supplier's quote or invoice number: the duplicate detector compares it after normalization.
ALTER TABLE requisitions ADD COLUMN supplier_reference text;

-- One description embedding per requisition. The model id travels with the vector so vectors of
-- different embedding models are never compared; the HNSW index serves cosine nearest neighbours.
CREATE TABLE requisition_embeddings (
    requisition_id uuid PRIMARY KEY REFERENCES requisitions(id),
    tenant_id      uuid NOT NULL REFERENCES tenants(id),
    model_id       text NOT NULL,
    embedding      vector(384) NOT NULL,
    created_at     timestamptz NOT NULL
);
CREATE INDEX requisition_embeddings_hnsw ON requisition_embeddings USING hnsw (embedding vector_cosine_ops);
CREATE INDEX requisition_embeddings_tenant ON requisition_embeddings (tenant_id);

-- Purchase history the price-variance model compares against: imported from the ERP in bulk
-- (aigov history import) and appended from approved requisitions. Insert-only.
CREATE TABLE price_history (
    id           bigserial PRIMARY KEY,
    tenant_id    uuid NOT NULL REFERENCES tenants(id),
    item         text NOT NULL,
    description  text,
    supplier     text NOT NULL,
    quantity     numeric(18,4) NOT NULL,
    uom          text,
    unit_price   numeric(18,6) NOT NULL,
    currency     char(3),
    purchased_on date NOT NULL,
    source       text NOT NULL
);
CREATE INDEX price_history_item ON price_history (tenant_id, item, purchased_on DESC);

-- Contract prices agreed with a supplier for an item; they take precedence over history.
CREATE TABLE contract_prices (
    tenant_id   uuid NOT NULL REFERENCES tenants(id),
    supplier_id text NOT NULL,
    item        text NOT NULL,
    unit_price  numeric(18,6) NOT NULL,
    currency    char(3) NOT NULL,
    valid_from  date NOT NULL,
    valid_to    date,
    PRIMARY KEY (tenant_id, supplier_id, item, valid_from)
);

-- The latest scoring of a requisition by each detector. Re-scoring replaces the row, so a retried
-- job leaves exactly one result; the decision log keeps the history.
CREATE TABLE detection_results (
    requisition_id uuid NOT NULL REFERENCES requisitions(id),
    tenant_id      uuid NOT NULL REFERENCES tenants(id),
    detector       text NOT NULL,
    model_version  text NOT NULL,
    score          double precision,
    flagged        boolean NOT NULL,
    details        jsonb NOT NULL,
    input_hash     text NOT NULL,
    scored_at      timestamptz NOT NULL,
    PRIMARY KEY (requisition_id, detector)
);
CREATE INDEX detection_results_tenant ON detection_results (tenant_id, scored_at DESC);

-- Kill switches per tenant and model kind; absent means enabled. Every change is in the decision log.
CREATE TABLE model_switches (
    tenant_id  uuid NOT NULL REFERENCES tenants(id),
    kind       text NOT NULL,
    enabled    boolean NOT NULL,
    reason     text NOT NULL,
    changed_by text NOT NULL,
    changed_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, kind)
);

-- Tenant isolation, written once: earlier migrations each repeated this loop; new tables call the function.
CREATE FUNCTION enable_tenant_isolation(tables text[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY tables
    LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format($p$CREATE POLICY tenant_isolation ON %I
            USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
            WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)$p$, t);
    END LOOP;
END $$;

SELECT enable_tenant_isolation(ARRAY['requisition_embeddings','price_history','contract_prices','detection_results','model_switches']);

-- Reviewer outcomes of detector recommendations as labels for retraining: accepted or edited means
-- the flag was right (1), rejected means it was a false alarm (0). Expired ones carry no label.
CREATE VIEW detection_labels WITH (security_invoker = true) AS
SELECT r.tenant_id, r.id AS recommendation_id, r.producer->>'name' AS producer, r.producer->>'model_version' AS model_version,
       r.subject_id AS requisition_id, r.payload, r.confidence,
       CASE WHEN r.status IN ('accepted', 'edited') THEN 1 ELSE 0 END AS label,
       r.decision_reason, r.decided_by, r.decided_at
FROM recommendations r
WHERE r.status IN ('accepted', 'edited', 'rejected')
  AND r.producer->>'name' IN ('duplicate-detector', 'split-purchase-detector', 'price-variance-detector');
