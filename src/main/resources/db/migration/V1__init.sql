-- tenantctl state, schema version 1. Portable SQL: the same file runs on SQLite and PostgreSQL.

-- The head row: which store this is (lineage) and its current revision. An apply locks this row
-- (PostgreSQL) or the whole file (SQLite) for the length of its transaction.
CREATE TABLE tc_head (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    lineage     TEXT    NOT NULL,
    revision    BIGINT  NOT NULL,
    updated_at  TEXT    NOT NULL
);

-- The live objects, one row each, as canonical JSON manifests, with what is known of their last
-- writer: the revision, the applyset that owns them and the source of its manifests.
CREATE TABLE tc_object (
    kind        TEXT    NOT NULL,
    name        TEXT    NOT NULL,
    manifest    TEXT    NOT NULL,
    revision    BIGINT  NOT NULL,
    applyset    TEXT    NOT NULL,
    source      TEXT    NOT NULL,
    PRIMARY KEY (kind, name)
);

-- One row per applied revision.
CREATE TABLE tc_revision (
    revision      BIGINT  PRIMARY KEY,
    applied_at    TEXT    NOT NULL,
    as_identities TEXT    NOT NULL,
    actors        TEXT    NOT NULL,
    summary       TEXT    NOT NULL,
    digest        TEXT    NOT NULL,
    source        TEXT    NOT NULL,
    applyset      TEXT    NOT NULL,
    step_count    INTEGER NOT NULL
);

-- Every step of every revision, in order, with its actor and effects (body: the plan's JSON).
CREATE TABLE tc_step (
    revision    BIGINT  NOT NULL,
    idx         INTEGER NOT NULL,
    op          TEXT    NOT NULL,
    target      TEXT    NOT NULL,
    actor       TEXT,
    body        TEXT    NOT NULL,
    PRIMARY KEY (revision, idx)
);
