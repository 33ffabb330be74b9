-- Supplier documents (issue 5): uploaded PDFs with what was read from them.

-- One row per file per subject (a requisition or a supplier). The same bytes uploaded again to the same
-- subject are the same document (the unique key); the same bytes on another subject are a separate row
-- that the API reports as "also attached to" — an invoice sent in twice is worth a reviewer's look.
-- The file lives in the row so an upload and its processing job commit together.
CREATE TABLE documents (
    id            uuid PRIMARY KEY,
    tenant_id     uuid NOT NULL REFERENCES tenants(id),
    subject_type  text NOT NULL CHECK (subject_type IN ('requisition', 'supplier')),
    subject_id    text NOT NULL,
    requisition_id uuid REFERENCES requisitions(id),
    supplier_id   text,
    file_name     text NOT NULL,
    size_bytes    int NOT NULL,
    sha256        text NOT NULL,
    content       bytea NOT NULL,
    uploaded_by   text NOT NULL,
    uploaded_at   timestamptz NOT NULL,
    -- queued until the worker has read it; then processed (read_status ok) or unreadable (any other read_status).
    status        text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'processed', 'unreadable')),
    read_status   text,
    problem       text,
    page_count    int,
    document_type text,
    fields        jsonb NOT NULL DEFAULT '[]',
    summary       jsonb,
    injections    jsonb NOT NULL DEFAULT '[]',
    pages         jsonb NOT NULL DEFAULT '[]',
    processed_at  timestamptz,
    UNIQUE (tenant_id, subject_type, subject_id, sha256),
    FOREIGN KEY (tenant_id, supplier_id) REFERENCES suppliers(tenant_id, id)
);
CREATE INDEX documents_sha ON documents (tenant_id, sha256);
CREATE INDEX documents_requisition ON documents (requisition_id) WHERE requisition_id IS NOT NULL;

SELECT enable_tenant_isolation(ARRAY['documents']);

-- Where the follow-up agent's document requests to a supplier go; without it they go to the requester.
ALTER TABLE suppliers ADD COLUMN contact_email text;
