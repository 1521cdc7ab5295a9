-- A campaign over one call list (source_kind 'call_list'): only the contacts that import created in the CRM, which
-- filters its candidates by the import's id. The id is the CRM's (an import), checked there when the campaign is made.
ALTER TABLE campaigns ADD COLUMN source_call_list_id uuid NULL;
ALTER TABLE campaigns DROP CONSTRAINT campaigns_source_kind_check;
ALTER TABLE campaigns ADD CONSTRAINT campaigns_source_kind_check CHECK (source_kind IN ('project_list', 'search', 'call_list'));
ALTER TABLE campaigns ADD CONSTRAINT campaigns_call_list_named CHECK ((source_kind = 'call_list') = (source_call_list_id IS NOT NULL));
