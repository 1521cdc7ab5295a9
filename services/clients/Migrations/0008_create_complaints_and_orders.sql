-- A complaint stays open until someone resolves it; while open, the contact comes first in the plan of the day.
CREATE TABLE complaints (
    tenant_id    uuid        NOT NULL,
    id           uuid        NOT NULL,
    contact_id   uuid        NOT NULL,
    subject      text        NOT NULL,
    call_id      uuid,
    opened_at    timestamptz NOT NULL,
    opened_by    uuid        NOT NULL,
    resolution   text,
    resolved_at  timestamptz,
    resolved_by  uuid,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, contact_id) REFERENCES contacts (tenant_id, id)
);
CREATE INDEX complaints_open ON complaints (tenant_id, contact_id) WHERE resolved_at IS NULL;

-- What a contact ordered on a call.
CREATE TABLE orders (
    tenant_id    uuid           NOT NULL,
    id           uuid           NOT NULL,
    contact_id   uuid           NOT NULL,
    description  text           NOT NULL,
    amount       numeric(14, 2) CHECK (amount >= 0),
    currency     text           CHECK (currency ~ '^[A-Z]{3}$'),
    call_id      uuid,
    recorded_at  timestamptz    NOT NULL,
    recorded_by  uuid           NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, contact_id) REFERENCES contacts (tenant_id, id)
);
CREATE INDEX orders_by_contact ON orders (tenant_id, contact_id, recorded_at);

SELECT enable_tenant_isolation('complaints');
SELECT enable_tenant_isolation('orders');
