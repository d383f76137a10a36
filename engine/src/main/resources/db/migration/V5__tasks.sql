-- Manual steps: what a rep logs when closing a task, the email a rep reviews for a manual email
-- step, and the sequence for reports. Mirrors dev.relance.engine.task.

-- A constrained outcome beside the free-text one (task.outcome keeps the rep's notes or skip reason).
ALTER TABLE task
    ADD COLUMN outcome_code    text CHECK (outcome_code IN ('CONNECTED', 'VOICEMAIL', 'NO_ANSWER', 'WRONG_NUMBER',
                                                            'MEETING_BOOKED', 'NOT_INTERESTED', 'SENT', 'DONE')),
    -- MANUAL_EMAIL: rendered from the step's template when the task is made, then edited by the rep
    ADD COLUMN draft_subject   text,
    ADD COLUMN draft_body_text text,
    ADD COLUMN draft_body_html text,
    -- denormalised from the enrollment so that reports group tasks by sequence without a join
    ADD COLUMN sequence_id     bigint REFERENCES sequence (id) ON DELETE SET NULL;

UPDATE task t SET sequence_id = e.sequence_id FROM enrollment e WHERE e.id = t.enrollment_id;

-- "My open tasks, most urgent first": the list's keyset is (due_at, id), so the index carries id too.
DROP INDEX task_open_by_owner;
CREATE INDEX task_open_by_owner ON task (owner_id, due_at, id) WHERE state = 'OPEN';
-- The manager's view of every open task, and the overdue count (due_at < now).
CREATE INDEX task_open_by_due ON task (due_at, id) WHERE state = 'OPEN';

-- The dispatcher may retry a manual step: one enrollment step never has two open tasks.
CREATE UNIQUE INDEX task_one_open_per_step ON task (enrollment_id, step_id) WHERE state = 'OPEN';

-- Deleting an enrollment, a prospect or a sequence cascades here; without these each would scan task.
CREATE INDEX task_enrollment ON task (enrollment_id);
CREATE INDEX task_prospect ON task (prospect_id);
CREATE INDEX task_sequence ON task (sequence_id);
