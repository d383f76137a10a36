-- Inbox: what comes back to a mailbox over IMAP, classified, kept, and tied to our messages.

-- Where the poller of a mailbox folder stands. A new UIDVALIDITY means the server renumbered the
-- folder: reading starts again from the first UID, and messages already seen are known by Message-ID.
CREATE TABLE inbox_checkpoint (
    mailbox_id   bigint      NOT NULL REFERENCES mailbox (id) ON DELETE CASCADE,
    folder       text        NOT NULL,
    uid_validity bigint      NOT NULL,
    last_uid     bigint      NOT NULL,
    updated_at   timestamptz NOT NULL,
    PRIMARY KEY (mailbox_id, folder)
);

-- Every message read from a mailbox, whatever it is: nothing is dropped. The raw bytes are kept
-- for bounces, complaints, replies and anything unmatched or unreadable (not for our own sent copies).
CREATE TABLE inbound_message (
    id                 bigserial PRIMARY KEY,
    mailbox_id         bigint      NOT NULL REFERENCES mailbox (id) ON DELETE CASCADE,
    folder             text        NOT NULL,
    uid_validity       bigint      NOT NULL,
    uid                bigint      NOT NULL,
    message_id_header  text,
    from_address       text,
    subject            text,
    received_at        timestamptz,
    kind               text        NOT NULL CHECK (kind IN ('BOUNCE', 'DELIVERY_REPORT', 'COMPLAINT', 'AUTO_REPLY',
                                                            'REPLY', 'UNREADABLE', 'OWN_COPY')),
    -- PROCESSED: tied to our message and its effects applied; UNMATCHED and UNREADABLE wait for a person
    -- in the review list; IGNORED: our own sent copy or a duplicate of a message already read.
    status             text        NOT NULL CHECK (status IN ('PROCESSED', 'UNMATCHED', 'UNREADABLE', 'IGNORED',
                                                              'REVIEWED')),
    matched_message_id bigint      REFERENCES message (id) ON DELETE SET NULL,
    prospect_id        bigint      REFERENCES prospect (id) ON DELETE SET NULL,
    enrollment_id      bigint      REFERENCES enrollment (id) ON DELETE SET NULL,
    match_method       text,
    verdict            jsonb       NOT NULL DEFAULT '{}'::jsonb,
    effects            jsonb       NOT NULL DEFAULT '[]'::jsonb,
    raw                bytea,
    created_at         timestamptz NOT NULL,
    UNIQUE (mailbox_id, folder, uid_validity, uid)
);
CREATE INDEX inbound_review ON inbound_message (status, id) WHERE status IN ('UNMATCHED', 'UNREADABLE');
CREATE INDEX inbound_mailbox_message_id ON inbound_message (mailbox_id, message_id_header);
CREATE INDEX inbound_prospect ON inbound_message (prospect_id, id);

-- Soft bounces in a row for an address; at the configured count they are treated as a hard bounce.
ALTER TABLE prospect ADD COLUMN soft_bounces_in_row integer NOT NULL DEFAULT 0;


-- Out-of-office pauses end by themselves: the dispatcher resumes them when their date has passed.
CREATE INDEX enrollment_timed_pause ON enrollment (paused_until) WHERE state = 'PAUSED' AND paused_until IS NOT NULL;
