-- tenantctl state, schema version 4: who ran each apply. A JSON object: the operating-system user
-- (or TENANTCTL_OPERATOR), and in a CI job the service, a link to the run and who triggered it.
-- Revisions applied before this version have '{}'.
ALTER TABLE tc_revision ADD COLUMN operator TEXT NOT NULL DEFAULT '{}';
