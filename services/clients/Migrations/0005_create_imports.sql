-- Call-list imports: the uploaded file, its column mapping, and the job's progress. A worker on any replica
-- claims a queued job; progress commits with each batch, so a job taken over after a crash resumes where it was.
CREATE TABLE imports (
    tenant_id    uuid        NOT NULL,
    id           uuid        NOT NULL,
    project_id   uuid        NOT NULL,
    file_name    text        NOT NULL,
    content      bytea       NOT NULL,
    mapping      jsonb       NOT NULL,
    status       text        NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed')),
    total_rows   integer,
    rows_done    integer     NOT NULL DEFAULT 0,
    imported     integer     NOT NULL DEFAULT 0,
    duplicates   integer     NOT NULL DEFAULT 0,
    failed_rows  integer     NOT NULL DEFAULT 0,
    failure      text,
    created_by   uuid        NOT NULL,
    created_at   timestamptz NOT NULL,
    claimed_at   timestamptz,
    finished_at  timestamptz,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, project_id) REFERENCES projects (tenant_id, id)
);
CREATE INDEX imports_waiting ON imports (created_at) WHERE status IN ('queued', 'running');

CREATE TABLE import_errors (
    tenant_id    uuid    NOT NULL,
    import_id    uuid    NOT NULL,
    line         integer NOT NULL,
    column_name  text    NOT NULL,
    reason       text    NOT NULL,
    FOREIGN KEY (tenant_id, import_id) REFERENCES imports (tenant_id, id)
);
CREATE INDEX import_errors_by_import ON import_errors (tenant_id, import_id, line);

SELECT enable_tenant_isolation('imports');
SELECT enable_tenant_isolation('import_errors');

-- The import worker finds waiting jobs across tenants, and only those, and claims them; the work itself runs in
-- the job's own tenant session.
CREATE POLICY import_claim ON imports FOR SELECT
    USING (current_setting('app.system_task', true) = 'imports' AND status IN ('queued', 'running'));
CREATE POLICY import_claim_update ON imports FOR UPDATE
    USING (current_setting('app.system_task', true) = 'imports' AND status IN ('queued', 'running'))
    WITH CHECK (current_setting('app.system_task', true) = 'imports');
