-- tenantctl state, schema version 6: the profile a state was created under, and the external
-- actions of its plans.
-- A state has one profile (classic or entra), chosen when it is created and recorded here; every
-- state made before it is classic, the only profile there was.
ALTER TABLE tc_head ADD COLUMN profile TEXT NOT NULL DEFAULT 'classic';

-- The external actions an apply waits for (an invitation to redeem, a DNS record to publish): one
-- row per action id, waiting from the revision whose apply stopped before it, confirmed by an
-- operator (--confirm) before the next apply goes on. Kept after it is done, for the history.
CREATE TABLE tc_action (
    id            TEXT    PRIMARY KEY,
    who           TEXT    NOT NULL,
    what          TEXT    NOT NULL,
    status        TEXT    NOT NULL,
    revision      BIGINT  NOT NULL,
    waiting_at    TEXT    NOT NULL,
    confirmed_at  TEXT,
    confirmed_by  TEXT
);
