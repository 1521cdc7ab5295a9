-- A project's typed custom fields (CustomFields/CustomFieldRules.cs): [{key, label, type, required, choices}], checked on
-- every hand entry, edit and import. An empty list: custom fields are free JSON, as before.
ALTER TABLE projects ADD COLUMN custom_field_definitions jsonb NOT NULL DEFAULT '[]'::jsonb;
