-- Supervision step: what de-identification must know (aliases, nicknames and places on the
-- client, each inventory person and each timeline event), and the fidelity records.
-- Lists are JSON arrays of strings (docs/vault-format.md).

ALTER TABLE clients ADD COLUMN aliases_json TEXT NOT NULL DEFAULT '[]';
ALTER TABLE clients ADD COLUMN places_json TEXT NOT NULL DEFAULT '[]';
ALTER TABLE inventory_people ADD COLUMN aliases_json TEXT NOT NULL DEFAULT '[]';
ALTER TABLE inventory_people ADD COLUMN places_json TEXT NOT NULL DEFAULT '[]';
ALTER TABLE timeline_events ADD COLUMN places_json TEXT NOT NULL DEFAULT '[]';
