-- The plan of the day walks contacts in its own order (hot first, then by next contact date, VIP first, id) and stops
-- at its limit; these indexes let PostgreSQL read them in that order instead of checking and sorting them all.
CREATE INDEX contacts_plan_order_by_project ON contacts
    (tenant_id, project_id, (status = 'hot_potential') DESC, next_contact_at ASC NULLS LAST, vip DESC, id)
    WHERE status IN ('potential', 'hot_potential', 'accompanied');
CREATE INDEX contacts_plan_order ON contacts
    (tenant_id, (status = 'hot_potential') DESC, next_contact_at ASC NULLS LAST, vip DESC, id)
    WHERE status IN ('potential', 'hot_potential', 'accompanied');
