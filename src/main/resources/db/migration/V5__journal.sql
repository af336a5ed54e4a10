-- tenantctl state, schema version 4: the write-ahead journal of live applies (the azure provider).
-- A live apply changes real tenants one request at a time, so it cannot be one transaction: each
-- step is recorded as started before its first request and as done once a read shows its effect,
-- each record committed at once. After a crash or a kill, the next apply of the same plan resumes
-- from here and never repeats a done step.

-- One row per live apply: the plan it runs (the document as applied), who ran it, and how it ended
-- (outcome NULL while it runs, or after its process died: then it is unfinished).
CREATE TABLE tc_journal_run (
    id          BIGINT  PRIMARY KEY,
    digest      TEXT    NOT NULL,
    plan        TEXT    NOT NULL,
    provider    TEXT    NOT NULL,
    holder      TEXT    NOT NULL,
    started_at  TEXT    NOT NULL,
    ended_at    TEXT,
    outcome     TEXT
);

-- One row per step a run reached: started, done, committed (its effect is in the stored world) or
-- failed; the service's request ids of its requests; and, for a failure, what the service said
-- (error code, request id, message).
CREATE TABLE tc_journal_step (
    run         BIGINT  NOT NULL,
    idx         INTEGER NOT NULL,
    op          TEXT    NOT NULL,
    target      TEXT    NOT NULL,
    status      TEXT    NOT NULL,
    started_at  TEXT    NOT NULL,
    ended_at    TEXT,
    request_ids TEXT    NOT NULL,
    error       TEXT,
    PRIMARY KEY (run, idx)
);
