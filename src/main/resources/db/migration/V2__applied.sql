-- tenantctl state, schema version 2: what each applyset's manifests last set each object to.
-- An apply records, for every object its manifests declare, the manifest it left the object with;
-- drift is a live object that no longer matches what its applyset last applied.
CREATE TABLE tc_applied (
    applyset    TEXT    NOT NULL,
    kind        TEXT    NOT NULL,
    name        TEXT    NOT NULL,
    manifest    TEXT    NOT NULL,
    revision    BIGINT  NOT NULL,
    source      TEXT    NOT NULL,
    PRIMARY KEY (applyset, kind, name)
);
