-- The call center's client companies; each buys one or more projects. A project made before companies existed
-- (or for the call center itself) has none.
CREATE TABLE client_companies (
    tenant_id   uuid        NOT NULL,
    id          uuid        NOT NULL,
    name        text        NOT NULL,
    created_at  timestamptz NOT NULL,
    created_by  uuid        NOT NULL,
    updated_at  timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id)
);
CREATE UNIQUE INDEX client_companies_by_name ON client_companies (tenant_id, lower(name));
SELECT enable_tenant_isolation('client_companies');

ALTER TABLE projects ADD COLUMN client_company_id uuid;
ALTER TABLE projects ADD FOREIGN KEY (tenant_id, client_company_id) REFERENCES client_companies (tenant_id, id);
CREATE INDEX projects_by_client_company ON projects (tenant_id, client_company_id) WHERE client_company_id IS NOT NULL;
