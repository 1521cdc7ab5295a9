-- An uploaded call list is streamed into PostgreSQL in chunks as it arrives and read back chunk by chunk, so neither
-- the upload nor the import holds the whole file in memory. The chunks are deleted when the job is over.
CREATE TABLE import_chunks (
    tenant_id  uuid    NOT NULL,
    import_id  uuid    NOT NULL,
    seq        integer NOT NULL,
    data       bytea   NOT NULL,
    PRIMARY KEY (tenant_id, import_id, seq),
    FOREIGN KEY (tenant_id, import_id) REFERENCES imports (tenant_id, id)
);
SELECT enable_tenant_isolation('import_chunks');

-- Jobs still waiting keep their file, as one chunk; finished ones hold none.
INSERT INTO import_chunks (tenant_id, import_id, seq, data)
SELECT tenant_id, id, 0, content FROM imports WHERE status IN ('queued', 'running') AND length(content) > 0;
ALTER TABLE imports DROP COLUMN content;
