-- Saved prospect filters: named criteria (owner, account, custom field, created dates) a user
-- reuses, for instance to start bulk enrollment jobs. Names are unique per owner.
CREATE TABLE prospect_filter (
    id         bigserial   PRIMARY KEY,
    name       text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    owner_id   bigint      NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    criteria   jsonb       NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    UNIQUE (owner_id, name)
);
