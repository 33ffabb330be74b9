-- Appending to the decision log in one round trip. The chain head is locked, the entry numbered,
-- hashed and inserted, and the head moved, all inside this function, so the head lock is held only
-- from this call to the commit that follows it (not across an extra client round trip).
--
-- hash = sha256( prev_hash || '\n' || seq || '\n' || content ), where content is the canonical JSON
-- of every other field, computed by the writer (and recomputed by the verifier from the stored row).
CREATE FUNCTION decision_log_append(
    p_tenant uuid, p_kind text, p_actor text, p_on_behalf_of text, p_subject_type text, p_subject_id text,
    p_payload jsonb, p_recorded_at timestamptz, p_content text,
    OUT seq bigint, OUT prev_hash text, OUT hash text)
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO decision_log_heads (tenant_id, last_hash)
    VALUES (p_tenant, '0000000000000000000000000000000000000000000000000000000000000000')
    ON CONFLICT (tenant_id) DO NOTHING;
    SELECT h.last_hash INTO prev_hash FROM decision_log_heads h WHERE h.tenant_id = p_tenant FOR UPDATE;
    seq := nextval('decision_log_seq');
    hash := encode(sha256(convert_to(prev_hash || E'\n' || seq::text || E'\n' || p_content, 'UTF8')), 'hex');
    INSERT INTO decision_log (seq, tenant_id, kind, actor, on_behalf_of, subject_type, subject_id, payload, recorded_at, prev_hash, hash)
    VALUES (seq, p_tenant, p_kind, p_actor, p_on_behalf_of, p_subject_type, p_subject_id, p_payload, p_recorded_at, prev_hash, hash);
    UPDATE decision_log_heads SET last_seq = seq, last_hash = hash WHERE tenant_id = p_tenant;
END $$;
