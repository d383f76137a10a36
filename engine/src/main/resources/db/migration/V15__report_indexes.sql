-- Pipeline metrics at scale (bench: 100,000 opportunities, 10,000,000 events): what the stage metrics
-- used to compute per call is kept where it is written, and the transitions of a period are read
-- from one covering index.

-- The time in a stage ends at the next transition: each transition notes when the opportunity
-- entered the stage it leaves (its previous transition, by changed_at then id), so the stays that
-- ended in a period are the transitions of the period. Filled for the existing history here; the
-- history is append-only, so its trigger is set aside for this one update.
ALTER TABLE stage_transition ADD COLUMN from_entered_at timestamptz;
ALTER TABLE stage_transition DISABLE TRIGGER stage_transition_append_only;
UPDATE stage_transition t
   SET from_entered_at = p.previous
  FROM (SELECT id, lag(changed_at) OVER (PARTITION BY opportunity_id ORDER BY changed_at, id) AS previous
          FROM stage_transition) p
 WHERE p.id = t.id AND p.previous IS NOT NULL;
ALTER TABLE stage_transition ENABLE TRIGGER stage_transition_append_only;

-- Entries, conversion and stays read the transitions from the period's start on, without the table.
CREATE INDEX stage_transition_since ON stage_transition (changed_at)
    INCLUDE (opportunity_id, to_stage_id, from_stage_id, from_entered_at);

-- The sales cycle starts at the first email sent to the opportunity's prospect or anyone at its
-- account before the close: found once, when the opportunity closes (and again if its prospect or
-- account changes while closed), instead of for every closed opportunity on every call.
ALTER TABLE opportunity ADD COLUMN first_touch_at timestamptz;
UPDATE opportunity o
   SET first_touch_at = (SELECT min(ev.occurred_at) FROM event ev
                          WHERE ev.type = 'SENT' AND ev.occurred_at <= o.closed_at
                            AND ev.prospect_id IN (SELECT p.id FROM prospect p
                                                    WHERE p.id = o.prospect_id OR p.account_id = o.account_id))
 WHERE o.closed_at IS NOT NULL;
