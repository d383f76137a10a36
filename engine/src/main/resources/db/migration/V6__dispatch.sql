-- Dispatch: claims with a lease, mailbox pacing, thread bookkeeping, and the indexes of the send-time checks.

-- A claimed enrollment belongs to one dispatcher until its lease ends; a dispatcher that dies
-- simply lets the lease run out and another one claims the row again.
ALTER TABLE enrollment
    ADD COLUMN claim_token   uuid,
    ADD COLUMN claimed_until timestamptz;

-- Minimum spacing between two sends of a mailbox: the earliest instant of its next send.
ALTER TABLE mailbox ADD COLUMN next_send_at timestamptz;

-- The first message of a thread, which follow-ups answer (In-Reply-To, References, "Re:").
ALTER TABLE message ADD COLUMN thread_root_id bigint REFERENCES message (id);
-- A message resent after an unknown outcome may have reached the prospect twice.
ALTER TABLE message ADD COLUMN possible_duplicate boolean NOT NULL DEFAULT false;

-- Caps count the attempts of a mailbox (or to a prospect) since a point in time.
CREATE INDEX message_mailbox_created ON message (mailbox_id, created_at)
    WHERE state IN ('SENDING', 'SENT', 'UNKNOWN');
CREATE INDEX message_prospect_created ON message (prospect_id, created_at)
    WHERE state IN ('SENDING', 'SENT', 'UNKNOWN');
CREATE INDEX message_enrollment ON message (enrollment_id, id);
