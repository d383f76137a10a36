-- Relance core model. Every status column is constrained here and mirrors one Java enum.
-- Instants are timestamptz (stored UTC); local times of day are "time" and meant in a named zone.

CREATE EXTENSION IF NOT EXISTS citext;

-- Users and access -------------------------------------------------------------------------

CREATE TABLE app_user (
    id            bigserial PRIMARY KEY,
    username      citext      NOT NULL UNIQUE,
    email         citext      NOT NULL UNIQUE,
    display_name  text        NOT NULL,
    role          text        NOT NULL CHECK (role IN ('ADMIN', 'MANAGER', 'MARKETER', 'SDR')),
    password_hash text        NOT NULL,
    enabled       boolean     NOT NULL DEFAULT true,
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL,
    version       integer     NOT NULL DEFAULT 0
);

-- API tokens are shown once at creation; only their SHA-256 is stored.
CREATE TABLE api_token (
    id           bigserial PRIMARY KEY,
    user_id      bigint      NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    name         text        NOT NULL,
    token_hash   bytea       NOT NULL UNIQUE,
    created_at   timestamptz NOT NULL,
    expires_at   timestamptz,
    last_used_at timestamptz,
    revoked_at   timestamptz
);
CREATE INDEX api_token_user ON api_token (user_id);

-- A retried creating POST returns the first answer instead of creating twice.
CREATE TABLE idempotency_record (
    user_id         bigint      NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    idempotency_key text        NOT NULL,
    request_hash    bytea       NOT NULL,
    status          text        NOT NULL CHECK (status IN ('IN_PROGRESS', 'DONE')),
    response_status integer,
    response_type   text,
    response_body   bytea,
    response_location text,
    created_at      timestamptz NOT NULL,
    PRIMARY KEY (user_id, idempotency_key)
);

-- Senders -------------------------------------------------------------------------------

CREATE TABLE mailbox (
    id                  bigserial PRIMARY KEY,
    email_address       citext      NOT NULL UNIQUE,
    display_name        text        NOT NULL,
    signature_html      text        NOT NULL DEFAULT '',
    owner_id            bigint      REFERENCES app_user (id),
    status              text        NOT NULL DEFAULT 'ACTIVE'
                                    CHECK (status IN ('ACTIVE', 'PAUSED', 'AUTH_FAILED', 'DISABLED')),
    status_reason       text,
    smtp_host           text        NOT NULL,
    smtp_port           integer     NOT NULL CHECK (smtp_port BETWEEN 1 AND 65535),
    smtp_security       text        NOT NULL CHECK (smtp_security IN ('NONE', 'STARTTLS', 'TLS')),
    smtp_username       text        NOT NULL,
    smtp_password_enc   bytea,                    -- AES-GCM, key from relance.encryption.key
    imap_host           text,
    imap_port           integer     CHECK (imap_port BETWEEN 1 AND 65535),
    imap_security       text        CHECK (imap_security IN ('NONE', 'STARTTLS', 'TLS')),
    imap_username       text,
    imap_password_enc   bytea,
    daily_cap           integer     NOT NULL DEFAULT 200 CHECK (daily_cap >= 0),
    hourly_cap          integer     NOT NULL DEFAULT 40 CHECK (hourly_cap >= 0),
    min_spacing_seconds integer     NOT NULL DEFAULT 60 CHECK (min_spacing_seconds >= 0),
    spacing_jitter_seconds integer  NOT NULL DEFAULT 30 CHECK (spacing_jitter_seconds >= 0),
    time_zone           text        NOT NULL,
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    version             integer     NOT NULL DEFAULT 0
);
CREATE INDEX mailbox_owner ON mailbox (owner_id);

-- Prospects and accounts ------------------------------------------------------------------

CREATE TABLE account (
    id            bigserial PRIMARY KEY,
    domain        citext      NOT NULL UNIQUE,
    name          text        NOT NULL,
    website       text,
    industry      text,
    country       text,
    custom_fields jsonb       NOT NULL DEFAULT '{}'::jsonb,
    owner_id      bigint      REFERENCES app_user (id),
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL,
    version       integer     NOT NULL DEFAULT 0
);

CREATE TABLE prospect (
    id            bigserial PRIMARY KEY,
    email         citext      NOT NULL UNIQUE,
    first_name    text,
    last_name     text,
    title         text,
    phone         text,
    linkedin_url  text,
    time_zone     text,
    locale        text,
    country       text,
    city          text,
    custom_fields jsonb       NOT NULL DEFAULT '{}'::jsonb,
    owner_id      bigint      REFERENCES app_user (id),
    account_id    bigint      REFERENCES account (id) ON DELETE SET NULL,
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL,
    version       integer     NOT NULL DEFAULT 0
);
CREATE INDEX prospect_account ON prospect (account_id);
CREATE INDEX prospect_owner ON prospect (owner_id, id);

-- An address, a whole domain, or the SHA-256 of an erased address: never contacted.
CREATE TABLE suppression (
    id         bigserial PRIMARY KEY,
    kind       text        NOT NULL CHECK (kind IN ('ADDRESS', 'DOMAIN', 'ADDRESS_HASH')),
    value      citext      NOT NULL,
    reason     text        NOT NULL CHECK (reason IN ('MANUAL', 'UNSUBSCRIBED', 'HARD_BOUNCE',
                                                      'COMPLAINT', 'ERASURE', 'IMPORT')),
    source     text,
    created_by bigint      REFERENCES app_user (id) ON DELETE SET NULL,
    created_at timestamptz NOT NULL,
    UNIQUE (kind, value)
);

-- Sequences -------------------------------------------------------------------------------

CREATE TABLE sequence (
    id                    bigserial PRIMARY KEY,
    name                  text        NOT NULL,
    description           text,
    status                text        NOT NULL DEFAULT 'DRAFT'
                                      CHECK (status IN ('DRAFT', 'ACTIVE', 'PAUSED', 'ARCHIVED')),
    owner_id              bigint      REFERENCES app_user (id),
    stop_on_reply         boolean     NOT NULL DEFAULT true,
    stop_account_on_reply boolean     NOT NULL DEFAULT false,
    exclusive             boolean     NOT NULL DEFAULT false,
    track_opens           boolean     NOT NULL DEFAULT true,
    track_clicks          boolean     NOT NULL DEFAULT true,
    created_at            timestamptz NOT NULL,
    updated_at            timestamptz NOT NULL,
    version               integer     NOT NULL DEFAULT 0
);

-- One schedule per sequence: where its send windows are read and which days are holidays.
CREATE TABLE sequence_schedule (
    sequence_id      bigint PRIMARY KEY REFERENCES sequence (id) ON DELETE CASCADE,
    time_zone_policy text   NOT NULL DEFAULT 'PROSPECT'
                            CHECK (time_zone_policy IN ('PROSPECT', 'MAILBOX', 'FIXED')),
    fixed_time_zone  text,
    holiday_calendar text   CHECK (holiday_calendar IN ('FR', 'US', 'GB', 'DE')),
    CHECK (time_zone_policy <> 'FIXED' OR fixed_time_zone IS NOT NULL)
);

CREATE TABLE send_window (
    id          bigserial PRIMARY KEY,
    sequence_id bigint   NOT NULL REFERENCES sequence_schedule (sequence_id) ON DELETE CASCADE,
    day_of_week smallint NOT NULL CHECK (day_of_week BETWEEN 1 AND 7), -- ISO: 1 = Monday
    start_time  time     NOT NULL,
    end_time    time     NOT NULL,
    CHECK (start_time < end_time)
);
CREATE INDEX send_window_sequence ON send_window (sequence_id);

CREATE TABLE template (
    id         bigserial PRIMARY KEY,
    name       text        NOT NULL,
    created_at timestamptz NOT NULL
);

-- Immutable: editing a template writes a new version; messages point at the version they used.
CREATE TABLE template_version (
    id          bigserial PRIMARY KEY,
    template_id bigint      NOT NULL REFERENCES template (id) ON DELETE CASCADE,
    version     integer     NOT NULL,
    subject     text        NOT NULL,
    body_html   text,
    body_text   text,
    created_by  bigint      REFERENCES app_user (id) ON DELETE SET NULL,
    created_at  timestamptz NOT NULL,
    UNIQUE (template_id, version),
    CHECK (body_html IS NOT NULL OR body_text IS NOT NULL)
);

CREATE TABLE sequence_step (
    id          bigserial PRIMARY KEY,
    sequence_id bigint   NOT NULL REFERENCES sequence (id) ON DELETE CASCADE,
    position    integer  NOT NULL CHECK (position >= 1),
    type        text     NOT NULL CHECK (type IN ('AUTO_EMAIL', 'MANUAL_EMAIL', 'CALL', 'LINKEDIN', 'TASK')),
    delay_amount integer NOT NULL DEFAULT 0 CHECK (delay_amount >= 0),
    delay_unit  text     NOT NULL DEFAULT 'DAYS'
                         CHECK (delay_unit IN ('MINUTES', 'HOURS', 'DAYS', 'BUSINESS_DAYS')),
    thread_mode text     NOT NULL DEFAULT 'NEW_THREAD' CHECK (thread_mode IN ('NEW_THREAD', 'REPLY_IN_THREAD')),
    task_note   text,
    UNIQUE (sequence_id, position) DEFERRABLE INITIALLY DEFERRED
);

CREATE TABLE step_variant (
    id          bigserial PRIMARY KEY,
    step_id     bigint  NOT NULL REFERENCES sequence_step (id) ON DELETE CASCADE,
    label       text    NOT NULL,
    weight      integer NOT NULL DEFAULT 1 CHECK (weight BETWEEN 0 AND 1000),
    template_id bigint  NOT NULL REFERENCES template (id),
    -- deferred: one replace of a sequence may swap two variants' labels (A <-> B)
    UNIQUE (step_id, label) DEFERRABLE INITIALLY DEFERRED
);

-- Enrollments: the source of truth for what runs next ---------------------------------------

CREATE TABLE enrollment (
    id              bigserial PRIMARY KEY,
    prospect_id     bigint      NOT NULL REFERENCES prospect (id) ON DELETE CASCADE,
    sequence_id     bigint      NOT NULL REFERENCES sequence (id),
    mailbox_id      bigint      REFERENCES mailbox (id),
    owner_id        bigint      NOT NULL REFERENCES app_user (id),
    state           text        NOT NULL CHECK (state IN ('ACTIVE', 'PAUSED', 'WAITING_TASK', 'FINISHED', 'REPLIED',
                                                          'BOUNCED', 'UNSUBSCRIBED', 'STOPPED', 'NEEDS_ATTENTION')),
    state_reason    text,
    -- the step that runs next, by id: reordering a live sequence's steps does not move enrollments
    current_step_id bigint      REFERENCES sequence_step (id),
    next_run_at     timestamptz,
    paused_until    timestamptz,
    created_by      bigint      REFERENCES app_user (id) ON DELETE SET NULL,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    finished_at     timestamptz,
    version         integer     NOT NULL DEFAULT 0
);
-- At most one live enrollment of a prospect in a sequence; finished ones may be re-enrolled.
CREATE UNIQUE INDEX enrollment_one_live_per_sequence ON enrollment (prospect_id, sequence_id)
    WHERE state IN ('ACTIVE', 'PAUSED', 'WAITING_TASK', 'NEEDS_ATTENTION');
-- The dispatcher's hot path: due active enrollments, oldest first.
CREATE INDEX enrollment_due ON enrollment (next_run_at) WHERE state = 'ACTIVE';
CREATE INDEX enrollment_sequence ON enrollment (sequence_id, id);
CREATE INDEX enrollment_prospect ON enrollment (prospect_id, id);
CREATE INDEX enrollment_owner ON enrollment (owner_id, id);
CREATE INDEX enrollment_current_step ON enrollment (current_step_id);

-- One row per email sent or attempted; never two for the same enrollment step.
CREATE TABLE message (
    id                  bigserial PRIMARY KEY,
    enrollment_id       bigint      NOT NULL REFERENCES enrollment (id) ON DELETE CASCADE,
    step_id             bigint      NOT NULL REFERENCES sequence_step (id),
    variant_id          bigint      REFERENCES step_variant (id),
    template_version_id bigint      REFERENCES template_version (id),
    mailbox_id          bigint      NOT NULL REFERENCES mailbox (id),
    prospect_id         bigint      NOT NULL REFERENCES prospect (id) ON DELETE CASCADE,
    message_id_header   text        NOT NULL UNIQUE,
    in_reply_to         text,
    references_header   text,
    subject             text,
    body_html           text,
    body_text           text,
    state               text        NOT NULL CHECK (state IN ('SENDING', 'SENT', 'RETRY', 'FAILED', 'UNKNOWN')),
    attempts            integer     NOT NULL DEFAULT 0,
    last_error          text,
    next_attempt_at     timestamptz,
    sent_at             timestamptz,
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    version             integer     NOT NULL DEFAULT 0,
    UNIQUE (enrollment_id, step_id)
);
CREATE INDEX message_step ON message (step_id);
CREATE INDEX message_variant ON message (variant_id);
CREATE INDEX message_in_flight ON message (updated_at) WHERE state IN ('SENDING', 'RETRY');

-- Append-only facts, partitioned by month of occurrence once they grow (default partition for now).
CREATE TABLE event (
    id            bigserial,
    type          text        NOT NULL CHECK (type IN ('SENT', 'DELIVERED', 'OPENED', 'CLICKED', 'REPLIED', 'BOUNCED',
                                                       'COMPLAINED', 'UNSUBSCRIBED', 'AUTO_REPLIED', 'TASK_DONE',
                                                       'TASK_SKIPPED', 'STAGE_CHANGED', 'ENROLLED', 'PAUSED',
                                                       'RESUMED', 'STOPPED', 'FINISHED')),
    occurred_at   timestamptz NOT NULL,
    message_id    bigint,
    enrollment_id bigint,
    sequence_id   bigint,
    step_id       bigint,
    variant_id    bigint,
    prospect_id   bigint,
    mailbox_id    bigint,
    owner_id      bigint,
    machine       boolean,     -- opens and clicks: true when made by a scanner or proxy, not a person
    data          jsonb        NOT NULL DEFAULT '{}'::jsonb,
    PRIMARY KEY (id, occurred_at)
) PARTITION BY RANGE (occurred_at);
CREATE TABLE event_default PARTITION OF event DEFAULT;
CREATE INDEX event_sequence_time ON event (sequence_id, occurred_at);
CREATE INDEX event_prospect_time ON event (prospect_id, occurred_at);
CREATE INDEX event_message ON event (message_id);

-- Manual steps ------------------------------------------------------------------------------

CREATE TABLE task (
    id            bigserial PRIMARY KEY,
    enrollment_id bigint      REFERENCES enrollment (id) ON DELETE CASCADE,
    step_id       bigint      REFERENCES sequence_step (id),
    prospect_id   bigint      REFERENCES prospect (id) ON DELETE CASCADE,
    owner_id      bigint      NOT NULL REFERENCES app_user (id),
    type          text        NOT NULL CHECK (type IN ('MANUAL_EMAIL', 'CALL', 'LINKEDIN', 'TASK', 'REPLY')),
    state         text        NOT NULL DEFAULT 'OPEN' CHECK (state IN ('OPEN', 'COMPLETED', 'SKIPPED')),
    title         text        NOT NULL,
    note          text,
    outcome       text,
    due_at        timestamptz NOT NULL,
    completed_at  timestamptz,
    created_at    timestamptz NOT NULL,
    version       integer     NOT NULL DEFAULT 0
);
CREATE INDEX task_open_by_owner ON task (owner_id, due_at) WHERE state = 'OPEN';
CREATE INDEX task_step ON task (step_id);

-- Pipeline ------------------------------------------------------------------------------------

CREATE TABLE pipeline_stage (
    id          bigserial PRIMARY KEY,
    key         text          NOT NULL UNIQUE,
    name        text          NOT NULL,
    position    integer       NOT NULL UNIQUE,
    probability numeric(5, 4) NOT NULL CHECK (probability BETWEEN 0 AND 1),
    category    text          NOT NULL CHECK (category IN ('OPEN', 'WON', 'LOST'))
);
-- SiriusDecisions Demand Waterfall, the default; stages are configurable.
INSERT INTO pipeline_stage (key, name, position, probability, category) VALUES
    ('INQUIRY', 'Inquiry', 1, 0.02, 'OPEN'),
    ('MQL', 'Marketing Qualified Lead', 2, 0.05, 'OPEN'),
    ('SAL', 'Sales Accepted Lead', 3, 0.10, 'OPEN'),
    ('SQL', 'Sales Qualified Lead', 4, 0.25, 'OPEN'),
    ('OPPORTUNITY', 'Opportunity', 5, 0.50, 'OPEN'),
    ('CLOSED_WON', 'Closed Won', 6, 1.00, 'WON'),
    ('CLOSED_LOST', 'Closed Lost', 7, 0.00, 'LOST');

CREATE TABLE opportunity (
    id                  bigserial PRIMARY KEY,
    account_id          bigint        REFERENCES account (id),
    prospect_id         bigint        REFERENCES prospect (id) ON DELETE SET NULL,
    stage_id            bigint        NOT NULL REFERENCES pipeline_stage (id),
    name                text          NOT NULL,
    amount              numeric(18, 2) CHECK (amount >= 0),
    currency            char(3),
    expected_close_date date,
    owner_id            bigint        REFERENCES app_user (id),
    demand_unit         text,
    source_sequence_id  bigint        REFERENCES sequence (id) ON DELETE SET NULL,
    source_step_id      bigint        REFERENCES sequence_step (id) ON DELETE SET NULL,
    source_variant_id   bigint        REFERENCES step_variant (id) ON DELETE SET NULL,
    source_mailbox_id   bigint        REFERENCES mailbox (id) ON DELETE SET NULL,
    source_owner_id     bigint        REFERENCES app_user (id),
    created_at          timestamptz   NOT NULL,
    updated_at          timestamptz   NOT NULL,
    closed_at           timestamptz,
    version             integer       NOT NULL DEFAULT 0,
    CHECK ((amount IS NULL) = (currency IS NULL))
);
CREATE INDEX opportunity_account ON opportunity (account_id);
CREATE INDEX opportunity_stage ON opportunity (stage_id);

CREATE TABLE stage_transition (
    id             bigserial PRIMARY KEY,
    opportunity_id bigint      NOT NULL REFERENCES opportunity (id) ON DELETE CASCADE,
    from_stage_id  bigint      REFERENCES pipeline_stage (id),
    to_stage_id    bigint      NOT NULL REFERENCES pipeline_stage (id),
    changed_by     bigint      REFERENCES app_user (id),
    changed_at     timestamptz NOT NULL
);
CREATE INDEX stage_transition_opportunity ON stage_transition (opportunity_id, changed_at);
