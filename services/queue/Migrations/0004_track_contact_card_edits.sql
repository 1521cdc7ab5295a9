-- A card edit (number, name, VIP) and a status move arrive as separate events and may overtake each other: each kind
-- keeps its own clock so an old status move never hides a newer edit, nor the reverse.
ALTER TABLE contact_directory ADD COLUMN card_updated_at timestamptz NULL;
UPDATE contact_directory SET card_updated_at = updated_at;
