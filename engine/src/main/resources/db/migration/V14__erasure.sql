-- Erasure (GDPR right to be forgotten) and bulk enrollment jobs.

-- An erased prospect keeps its row, anonymised: enrollments, messages, tasks and events point at it,
-- and deleting it would cascade away the rows that sequence and pipeline counts are made of.
ALTER TABLE prospect ADD COLUMN erased_at timestamptz;

-- The audit of each erasure: who, when, how many rows of each kind were scrubbed, and the SHA-256 of
-- the normalised address (the same value as the ADDRESS_HASH suppression), never the address.
-- prospect_id has no foreign key: the audit is a fact that outlives the row.
CREATE TABLE erasure (
    id           bigserial PRIMARY KEY,
    address_hash text        NOT NULL,
    prospect_id  bigint,
    erased_by    bigint      REFERENCES app_user (id) ON DELETE SET NULL,
    erased_at    timestamptz NOT NULL,
    counts       jsonb       NOT NULL
);
CREATE INDEX erasure_hash ON erasure (address_hash, id);

-- Bulk enrollment jobs (Spring Batch): the request, and every selected prospect with its outcome.
-- The selection is taken once, by the job's first step, so that a restart works on the same set.
CREATE TABLE enrollment_job (
    id            bigserial PRIMARY KEY,
    sequence_id   bigint      NOT NULL REFERENCES sequence (id),
    mailbox_id    bigint      REFERENCES mailbox (id),
    mailbox_pool  bigint[]    NOT NULL DEFAULT '{}',
    owner_id      bigint      NOT NULL REFERENCES app_user (id),
    -- an SDR's job: prospects of other owners are skipped as not-owned
    own_prospects_only boolean NOT NULL DEFAULT false,
    source        jsonb       NOT NULL,
    created_by    bigint      REFERENCES app_user (id) ON DELETE SET NULL,
    created_at    timestamptz NOT NULL
);

CREATE TABLE enrollment_job_item (
    job_id        bigint NOT NULL REFERENCES enrollment_job (id) ON DELETE CASCADE,
    prospect_id   bigint NOT NULL,
    -- null until the prospect's chunk commits: the reader of a restarted job takes only these
    outcome       text   CHECK (outcome IN ('ENROLLED', 'SKIPPED')),
    code          text,
    reason        text,
    enrollment_id bigint,
    PRIMARY KEY (job_id, prospect_id)
);
CREATE INDEX enrollment_job_item_pending ON enrollment_job_item (job_id, prospect_id) WHERE outcome IS NULL;
