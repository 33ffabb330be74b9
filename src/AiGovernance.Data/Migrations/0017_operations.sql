-- Operational intelligence (issue 7): the Operations dashboard and the business gauges of /metrics.

-- The metrics collector labels each tenant's gauges with its slug, so it must enumerate tenants, which
-- row-level security hides from the application role. Like tenant_id_for_slug (0014), this reveals only
-- ids and slugs, nothing a tenant owns.
CREATE FUNCTION tenants_for_monitoring() RETURNS TABLE (id uuid, slug text)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
    AS $$ SELECT id, slug FROM tenants ORDER BY slug $$;

-- The figures read by time: approval decisions by when they were made, log entries by kind and time
-- (recommendations by decision time already have recommendations_decided, 0012).
CREATE INDEX approval_decisions_decided ON approval_decisions (tenant_id, decided_at);
CREATE INDEX decision_log_kind_recorded ON decision_log (tenant_id, kind, recorded_at);
