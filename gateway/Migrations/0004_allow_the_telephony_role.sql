-- A PBX integration signs in with a service account of the telephony role (it reports calls to the queue service).
ALTER TABLE users DROP CONSTRAINT users_roles_check;
ALTER TABLE users ADD CONSTRAINT users_roles_check CHECK (roles <@ ARRAY['admin', 'supervisor', 'agent', 'client_viewer', 'telephony']);
