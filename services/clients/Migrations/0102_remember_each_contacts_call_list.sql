-- The call list (import) that created each contact: a campaign can dial one list (source kind call_list in the queue
-- service) rather than the whole project. Null for contacts entered by hand, and for those imported before this column.
ALTER TABLE contacts ADD COLUMN import_id uuid;
CREATE INDEX contacts_by_call_list ON contacts (tenant_id, project_id, import_id) WHERE import_id IS NOT NULL;
