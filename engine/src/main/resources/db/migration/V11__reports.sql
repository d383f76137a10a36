-- Reports: rollup tables folded incrementally from the event log, activity targets, and the
-- indexes of the few live counts reports make. Mirrors dev.relance.engine.report.

-- Exactly-once folding needs to know which events a fold has already seen. An id or occurred_at
-- watermark cannot: a transaction that took id 10 may commit after one that took id 11 was folded,
-- and "max folded id = 11" would skip 10 forever. So every event carries the id of the transaction
-- that wrote it, and a fold reads events by transaction id, below a horizon no open transaction
-- can still fall under:
--
--   horizon = pg_snapshot_xmin(pg_current_snapshot())
--
-- Every transaction with an id below the horizon has ended (committed or rolled back), so all its
-- events are visible to the fold, and no transaction that starts later gets an id below it. A fold
-- takes the events with  folded_below <= tx < horizon, adds them to the rollups, and moves
-- folded_below to the horizon, in one transaction: each event is folded exactly once. A long
-- transaction elsewhere holds the horizon back; the rollups then lag, they never skip.
-- (Existing rows get the migrating transaction's id; the first fold takes them.)
ALTER TABLE event ADD COLUMN tx xid8 NOT NULL DEFAULT pg_current_xact_id();
CREATE INDEX event_tx ON event (tx);

-- One row: where folding stands. Folds lock it, so two folds never run at once (the Quartz job is
-- also non-concurrent); one called by hand waits for the running one.
CREATE TABLE report_fold_state (
    id            boolean     PRIMARY KEY DEFAULT true CHECK (id),
    folded_below  xid8        NOT NULL,
    folded_at     timestamptz,
    events_folded bigint      NOT NULL DEFAULT 0
);
INSERT INTO report_fold_state (folded_below) VALUES ('1'::xid8);

-- Which (message, kind) firsts were counted, for the "unique per message" figures: a message's
-- first human open, first machine open, first human and machine click, first reply, first
-- interested reply, first bounce after sending. Counted on the UTC day of the first one folded.
CREATE TABLE report_message_first (
    message_id bigint      NOT NULL,
    kind       text        NOT NULL CHECK (kind IN ('OPEN_HUMAN', 'OPEN_MACHINE', 'CLICK_HUMAN', 'CLICK_MACHINE',
                                                    'REPLY', 'INTERESTED', 'BOUNCE_HARD', 'BOUNCE_SOFT',
                                                    'BOUNCE_AFTER_SEND')),
    first_at   timestamptz NOT NULL,
    PRIMARY KEY (message_id, kind)
);

-- Per UTC day x sequence x step x variant x owner (0 = none: a PRIMARY KEY column cannot be null).
-- "total" columns count events; the others count messages once (see report_message_first).
CREATE TABLE report_sequence_daily (
    day                  date    NOT NULL,
    sequence_id          bigint  NOT NULL,
    step_id              bigint  NOT NULL,
    variant_id           bigint  NOT NULL,
    owner_id             bigint  NOT NULL,
    sent                 integer NOT NULL DEFAULT 0,
    bounced_hard         integer NOT NULL DEFAULT 0,
    bounced_soft         integer NOT NULL DEFAULT 0,
    bounced_at_send      integer NOT NULL DEFAULT 0, -- refused at RCPT (SMTP phase): never sent, always hard
    bounced_after_send   integer NOT NULL DEFAULT 0, -- DSN bounces (hard or soft, not "delayed"): sent, then refused
    opened_human         integer NOT NULL DEFAULT 0,
    opened_machine       integer NOT NULL DEFAULT 0,
    opens_human_total    integer NOT NULL DEFAULT 0,
    opens_machine_total  integer NOT NULL DEFAULT 0,
    clicked_human        integer NOT NULL DEFAULT 0,
    clicked_machine      integer NOT NULL DEFAULT 0,
    clicks_human_total   integer NOT NULL DEFAULT 0,
    clicks_machine_total integer NOT NULL DEFAULT 0,
    replied              integer NOT NULL DEFAULT 0,
    interested           integer NOT NULL DEFAULT 0,
    out_of_office        integer NOT NULL DEFAULT 0,
    unsubscribed         integer NOT NULL DEFAULT 0,
    complained           integer NOT NULL DEFAULT 0,
    meetings             integer NOT NULL DEFAULT 0,
    PRIMARY KEY (sequence_id, day, step_id, variant_id, owner_id)
);
CREATE INDEX report_sequence_daily_owner ON report_sequence_daily (owner_id, day);

-- Per UTC day x owner: what a rep did.
CREATE TABLE report_owner_daily (
    day              date    NOT NULL,
    owner_id         bigint  NOT NULL,
    auto_emails      integer NOT NULL DEFAULT 0,
    manual_emails    integer NOT NULL DEFAULT 0,
    calls            integer NOT NULL DEFAULT 0,
    calls_connected  integer NOT NULL DEFAULT 0,
    linkedin_done    integer NOT NULL DEFAULT 0,
    tasks_completed  integer NOT NULL DEFAULT 0,
    tasks_skipped    integer NOT NULL DEFAULT 0,
    replies_handled  integer NOT NULL DEFAULT 0,
    meetings         integer NOT NULL DEFAULT 0,
    PRIMARY KEY (owner_id, day)
);
CREATE INDEX report_owner_daily_day ON report_owner_daily (day);

-- One row per completed REPLY task: how long the rep took to answer the reply that made it.
CREATE TABLE report_reply_answer (
    task_id        bigint      PRIMARY KEY,
    owner_id       bigint      NOT NULL,
    day            date        NOT NULL, -- UTC day the task was completed
    intent         text,
    replied_at     timestamptz NOT NULL,
    answered_at    timestamptz NOT NULL,
    answer_seconds bigint      NOT NULL
);
CREATE INDEX report_reply_answer_owner_day ON report_reply_answer (owner_id, day);

-- The sequence funnel's first steps, one row per prospect touched by a sequence: when it was
-- first touched (an email sent or a task done), first replied, first replied with interest.
CREATE TABLE report_sequence_prospect (
    sequence_id   bigint      NOT NULL,
    prospect_id   bigint      NOT NULL,
    owner_id      bigint      NOT NULL,
    touched_at    timestamptz,
    replied_at    timestamptz,
    interested_at timestamptz,
    PRIMARY KEY (sequence_id, prospect_id)
);

-- Daily activity goals of a rep; attainment is measured on weekdays (Monday to Friday).
CREATE TABLE activity_target (
    user_id        bigint      PRIMARY KEY REFERENCES app_user (id) ON DELETE CASCADE,
    daily_calls    integer     NOT NULL DEFAULT 0 CHECK (daily_calls >= 0),
    daily_emails   integer     NOT NULL DEFAULT 0 CHECK (daily_emails >= 0),
    daily_linkedin integer     NOT NULL DEFAULT 0 CHECK (daily_linkedin >= 0),
    daily_tasks    integer     NOT NULL DEFAULT 0 CHECK (daily_tasks >= 0),
    updated_by     bigint      REFERENCES app_user (id) ON DELETE SET NULL,
    updated_at     timestamptz NOT NULL
);

-- Live counts of a sequence's enrollments by state and step, read from the index alone.
CREATE INDEX enrollment_report_states ON enrollment (sequence_id, state, current_step_id, owner_id);
-- Opportunities attributed to a sequence (revenue and funnel).
CREATE INDEX IF NOT EXISTS opportunity_report_source_sequence ON opportunity (source_sequence_id);
