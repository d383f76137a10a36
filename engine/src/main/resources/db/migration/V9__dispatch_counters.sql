-- Dispatch throughput: a mailbox's sends of the day and of the hour as counters on its row, and a
-- lighter message row.

-- MailboxPacing keeps these under the mailbox lock it already takes, instead of counting the day's
-- messages for every send. cap_day is the mailbox's local day the day counter is for; cap_hour the
-- UTC clock hour of sent_in_cap_hour, sent_in_prev_hour the hour before it.
ALTER TABLE mailbox
    ADD COLUMN cap_day           date,
    ADD COLUMN sent_on_cap_day   integer NOT NULL DEFAULT 0 CHECK (sent_on_cap_day >= 0),
    ADD COLUMN cap_hour          timestamptz,
    ADD COLUMN sent_in_cap_hour  integer NOT NULL DEFAULT 0 CHECK (sent_in_cap_hour >= 0),
    ADD COLUMN sent_in_prev_hour integer NOT NULL DEFAULT 0 CHECK (sent_in_prev_hour >= 0);

-- Start from what the messages say, so that a deployment in the middle of a day keeps its caps.
UPDATE mailbox m
   SET cap_day = (now() AT TIME ZONE m.time_zone)::date,
       sent_on_cap_day = (SELECT count(*) FROM message g
                           WHERE g.mailbox_id = m.id AND g.state IN ('SENDING', 'SENT', 'UNKNOWN')
                             AND g.created_at >= ((now() AT TIME ZONE m.time_zone)::date) AT TIME ZONE m.time_zone),
       cap_hour = date_trunc('hour', now(), 'UTC'),
       sent_in_cap_hour = (SELECT count(*) FROM message g
                            WHERE g.mailbox_id = m.id AND g.state IN ('SENDING', 'SENT', 'UNKNOWN')
                              AND g.created_at >= date_trunc('hour', now(), 'UTC')),
       sent_in_prev_hour = (SELECT count(*) FROM message g
                             WHERE g.mailbox_id = m.id AND g.state IN ('SENDING', 'SENT', 'UNKNOWN')
                               AND g.created_at >= date_trunc('hour', now(), 'UTC') - interval '1 hour'
                               AND g.created_at < date_trunc('hour', now(), 'UTC'));

-- Every message insert and every non-HOT update pays for each index and foreign key of message.
-- message_enrollment (enrollment_id, id) duplicates the leading column of the unique
-- (enrollment_id, step_id) index, which already serves the thread lookup and the ON DELETE CASCADE
-- from enrollment.
DROP INDEX message_enrollment;

-- A message's template version cannot disappear while the message exists: versions are only
-- deleted with their template, a template only after its variant, and a variant (or step) with
-- messages cannot be deleted (message.variant_id and message.step_id still reference them).
-- Manual emails have neither. The check locked the same template_version row (FOR KEY SHARE) from
-- every concurrent sender of a step.
ALTER TABLE message DROP CONSTRAINT message_template_version_id_fkey;
