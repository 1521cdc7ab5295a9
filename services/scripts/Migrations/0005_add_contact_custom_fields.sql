-- A contact's custom fields (the project's own: segment, contract end…) for {{contact.custom.*}}, from the clients
-- service's ContactCreated/ContactUpdated; erasure empties them with the rest of the card.
ALTER TABLE contacts ADD COLUMN custom_fields jsonb NOT NULL DEFAULT '{}';
