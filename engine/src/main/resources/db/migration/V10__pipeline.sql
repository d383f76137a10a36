-- Pipeline: where an opportunity came from, why its stage changed, the stage history kept
-- append-only, and the indexes of the stage metrics.

-- The message whose interested reply created the opportunity (a manual disqualify of that reply
-- finds it here).
ALTER TABLE opportunity ADD COLUMN source_message_id bigint REFERENCES message (id) ON DELETE SET NULL;
CREATE INDEX opportunity_source_message ON opportunity (source_message_id);
CREATE INDEX opportunity_prospect ON opportunity (prospect_id);
CREATE INDEX opportunity_owner ON opportunity (owner_id, id);
CREATE INDEX opportunity_source_sequence ON opportunity (source_sequence_id);
-- Win rate and sales cycle read what closed in a period.
CREATE INDEX opportunity_closed ON opportunity (closed_at) WHERE closed_at IS NOT NULL;

-- Why a stage changed ("interested reply", "disqualified: no budget"...), and the reply that moved
-- it, if any. message_id has no foreign key on purpose: the history is a fact, like the event log,
-- and a deleted message must not rewrite it.
ALTER TABLE stage_transition ADD COLUMN reason text;
ALTER TABLE stage_transition ADD COLUMN message_id bigint;
-- Entries per stage and conversion read the transitions of a period, per target stage.
CREATE INDEX stage_transition_period ON stage_transition (changed_at, to_stage_id);
CREATE INDEX stage_transition_message ON stage_transition (message_id) WHERE message_id IS NOT NULL;

-- The sales cycle starts at the first email sent to the opportunity's prospect or account.
CREATE INDEX event_sent_to_prospect ON event (prospect_id, occurred_at) WHERE type = 'SENT';

-- The stage history is append-only: a transition is never changed or removed.
CREATE FUNCTION stage_transition_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'stage_transition is append-only' USING ERRCODE = 'restrict_violation';
END;
$$;
CREATE TRIGGER stage_transition_append_only BEFORE UPDATE OR DELETE ON stage_transition
    FOR EACH ROW EXECUTE FUNCTION stage_transition_append_only();
