-- tenantctl state, schema version 3: what `tenantctl agent` reports and what waits for approval.
-- Kept in the state so that `tenantctl status` and `tenantctl approve` (other processes, maybe on
-- other machines) and every agent sharing the state see the same thing.

-- One row per source: its status (conditions, observed commit and revision, last apply, next
-- cycle, leader) as JSON, written by the agent that leads the source.
CREATE TABLE tc_agent_source (
    source      TEXT    PRIMARY KEY,
    status      TEXT    NOT NULL,
    updated_at  TEXT    NOT NULL
);

-- The plan a source holds until someone approves it (at most one per source): the plan's JSON
-- document exactly as it will be applied, its digest and base, and the approval once given.
CREATE TABLE tc_agent_plan (
    source        TEXT    PRIMARY KEY,
    digest        TEXT    NOT NULL,
    base_revision BIGINT  NOT NULL,
    commit_id     TEXT    NOT NULL,
    classes       TEXT    NOT NULL,
    step_count    INTEGER NOT NULL,
    plan          TEXT    NOT NULL,
    held_at       TEXT    NOT NULL,
    approved_by   TEXT,
    approved_at   TEXT
);

-- What each cycle did, newest kept: the history the status page shows.
CREATE TABLE tc_agent_event (
    source      TEXT    NOT NULL,
    seq         BIGINT  NOT NULL,
    cycle       BIGINT  NOT NULL,
    at          TEXT    NOT NULL,
    outcome     TEXT    NOT NULL,
    commit_id   TEXT    NOT NULL,
    revision    BIGINT  NOT NULL,
    message     TEXT    NOT NULL,
    PRIMARY KEY (source, seq)
);
