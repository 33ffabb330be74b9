-- Promotion requests for model versions. Model versions belong to the deployment (one registry file
-- per deployment), so this table is deliberately NOT tenant-scoped and has no row-level security:
-- only callers of the deployment's operator tenant (Governance:Models:OperatorTenant) may read or
-- change it, which the application checks before every statement (see docs/model-promotion.md).
-- Their decision-log entries go into the operator tenant's hash chain.
CREATE TABLE model_promotions (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind              text NOT NULL,
    version           text NOT NULL,
    -- The champion when the request was filed; approval is refused once the champion has changed.
    from_version      text,
    requested_by      text NOT NULL,
    requested_at      timestamptz NOT NULL,
    reason            text NOT NULL,
    override_reason   text,
    primary_metric    text,
    higher_is_better  boolean,
    challenger_metric double precision,
    champion_metric   double precision,
    -- How the two values were obtained ("same evaluation set" or "champion's own metrics.json").
    metric_basis      text,
    status            text NOT NULL CHECK (status IN ('requested', 'approved', 'rejected', 'rolled_back', 'superseded')),
    decided_by        text,
    decided_at        timestamptz,
    decision_reason   text,
    rolled_back_by    text,
    rolled_back_at    timestamptz,
    rollback_reason   text
);
CREATE INDEX model_promotions_kind_status ON model_promotions (kind, status, id DESC);

-- The worker (scheduled retraining) runs as the application role, which row-level security lets see only
-- the tenant in app.tenant_id; it needs the operator tenant's id to write that tenant's decision log.
CREATE FUNCTION tenant_id_by_slug(p_slug text) RETURNS uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
    SELECT id FROM tenants WHERE slug = p_slug
$$;
