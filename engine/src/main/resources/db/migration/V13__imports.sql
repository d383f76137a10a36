-- CSV imports of prospects: one row per upload, with live counters, and one row per problem found
-- in the file. Counters and problems are written in the chunk's transaction, so a restarted
-- import counts each row exactly once.

CREATE TABLE prospect_import (
    id               bigserial PRIMARY KEY,
    status           text        NOT NULL CHECK (status IN ('RUNNING', 'COMPLETED', 'FAILED')),
    file_name        text        NOT NULL,
    file_path        text        NOT NULL,
    file_size        bigint      NOT NULL CHECK (file_size >= 0),
    charset          text        NOT NULL,
    delimiter        text        NOT NULL,
    options          jsonb       NOT NULL,          -- mapping, policy, owner as requested
    owner_id         bigint      REFERENCES app_user (id) ON DELETE SET NULL,
    created_by       bigint      REFERENCES app_user (id) ON DELETE SET NULL,
    bytes_read       bigint      NOT NULL DEFAULT 0,
    rows_read        bigint      NOT NULL DEFAULT 0,
    rows_created     bigint      NOT NULL DEFAULT 0,
    rows_updated     bigint      NOT NULL DEFAULT 0,
    rows_unchanged   bigint      NOT NULL DEFAULT 0,
    rows_skipped     bigint      NOT NULL DEFAULT 0,
    rows_failed      bigint      NOT NULL DEFAULT 0,
    rows_suppressed  bigint      NOT NULL DEFAULT 0,
    failure_reason   text,
    job_execution_id bigint,
    created_at       timestamptz NOT NULL,
    started_at       timestamptz,
    heartbeat_at     timestamptz,                   -- last chunk committed: a stale RUNNING import lost its process
    finished_at      timestamptz
);

CREATE INDEX prospect_import_status ON prospect_import (status) WHERE status = 'RUNNING';

CREATE TABLE prospect_import_problem (
    id          bigserial PRIMARY KEY,
    import_id   bigint  NOT NULL REFERENCES prospect_import (id) ON DELETE CASCADE,
    line        bigint  NOT NULL,
    column_name text,
    value       text,
    problem     text    NOT NULL,
    action      text    NOT NULL CHECK (action IN ('ROW_REJECTED', 'FIELD_IGNORED', 'ROW_SKIPPED', 'SUPPRESSED'))
);

CREATE INDEX prospect_import_problem_import ON prospect_import_problem (import_id, line);
