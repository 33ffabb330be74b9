-- Reviewer workspace (issue 6).

-- The reviewer workspace's sign-in needs a tenant's id from the slug a person types, before any
-- tenant is bound to the transaction; row-level security hides every tenants row at that point.
-- This function reveals only the id of the one slug asked for, never the list of tenants.
CREATE FUNCTION tenant_id_for_slug(p_slug text) RETURNS uuid
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
    AS $$ SELECT id FROM tenants WHERE slug = p_slug $$;

-- The workspace shows each requisition's recommendations beside it (queue, requisition page).
CREATE INDEX recommendations_subject ON recommendations (tenant_id, subject_type, subject_id);
