-- Pipeline rollups: the stage metrics read these small tables instead of the stage history and the
-- opportunities (see MetricsRepository and the README's "Pipeline" section). At the end: the enrollment
-- counts per sequence, owner and state that the list of sequences reads.
--
-- How they stay right: each opportunity's contribution to every rollup is a pure function of its row
-- and its transitions (pipeline_*_facts below). Triggers take the contribution away just before an
-- opportunity or its history changes and add it back just after, in the same transaction, so the
-- rollups always equal the sum of the contributions of the committed rows. pipeline_rollups_rebuild()
-- computes them all from scratch with the same functions: the backfill below, and after a reorder of
-- the stages (conversion depends on their positions).
--
-- Grains: every fact is written four times, under (owner, sequence), (owner, everyone),
-- (everyone, sequence) and (everyone, everyone), so that any filter is one equality on two keys and
-- an unfiltered call reads one row per day and stage. Keys: the id; 0 for none (no owner, no source
-- sequence); -1 for everyone.

-- Entries (by the opportunity's first entry into the stage: the cohort), how many of those advanced
-- later, and the closed stays, by the UTC day they happened.
CREATE TABLE pipeline_stage_daily (
    owner_key    bigint        NOT NULL,
    sequence_key bigint        NOT NULL,
    day          date          NOT NULL,
    stage_id     bigint        NOT NULL,
    entered      integer       NOT NULL,
    advanced     integer       NOT NULL,
    stays        integer       NOT NULL,
    stay_seconds numeric(24, 6) NOT NULL,
    PRIMARY KEY (owner_key, sequence_key, day, stage_id)
);

-- Opportunities now WON or LOST, by the UTC day of their closing and currency (NULL: no amount).
-- cycle_seconds: first touch to close, whole seconds, never negative.
CREATE TABLE pipeline_closed_daily (
    owner_key     bigint         NOT NULL,
    sequence_key  bigint         NOT NULL,
    day           date           NOT NULL,
    category      text           NOT NULL CHECK (category IN ('WON', 'LOST')),
    currency      char(3),
    closed        integer        NOT NULL,
    amount        numeric(24, 2) NOT NULL,
    cycle_seconds bigint         NOT NULL,
    CONSTRAINT pipeline_closed_daily_key UNIQUE NULLS NOT DISTINCT (owner_key, sequence_key, day, category, currency)
);

-- Open opportunities now, by stage, currency and month of the expected close (NULL: none). The
-- weighted amount is read as amount × the stage's probability, so a new probability applies at once.
CREATE TABLE pipeline_open (
    owner_key    bigint         NOT NULL,
    sequence_key bigint         NOT NULL,
    stage_id     bigint         NOT NULL,
    currency     char(3),
    close_month  date,
    open_count   integer        NOT NULL,
    amount       numeric(24, 2) NOT NULL,
    CONSTRAINT pipeline_open_key UNIQUE NULLS NOT DISTINCT (owner_key, sequence_key, stage_id, currency, close_month)
);

-- Every closed stay (stage_id) and sales cycle of a won opportunity (stage_id NULL), one narrow row
-- each per grain: only the medians read them (exact medians need the values). Whole microseconds
-- (timestamptz's precision) as bigint: exact, and sorted several times faster than numeric.
CREATE TABLE pipeline_duration (
    opportunity_id bigint      NOT NULL,
    owner_key      bigint      NOT NULL,
    sequence_key   bigint      NOT NULL,
    stage_id       bigint,
    ended_at       timestamptz NOT NULL,
    micros         bigint      NOT NULL
);
-- The medians read one stage at a time (the cycles: stage_id IS NULL), so each read is one range of
-- this index, already grouped: no sort by stage before the sorts of the medians.
CREATE INDEX pipeline_duration_period ON pipeline_duration (owner_key, sequence_key, stage_id, ended_at)
    INCLUDE (micros);
CREATE INDEX pipeline_duration_opportunity ON pipeline_duration (opportunity_id);

-- The four grains of an opportunity's owner and source sequence.
CREATE FUNCTION pipeline_grains(owner_id bigint, sequence_id bigint)
    RETURNS TABLE (owner_key bigint, sequence_key bigint) LANGUAGE sql IMMUTABLE AS $$
    VALUES (coalesce(owner_id, 0), coalesce(sequence_id, 0)), (coalesce(owner_id, 0), -1),
           (-1, coalesce(sequence_id, 0)), (-1, -1)
$$;

-- One opportunity's entries and stays. Its entry into a stage is its first transition into it (by
-- time, then id): an opportunity that comes back to a stage is not entered again. It advanced if a
-- later transition went to a stage of higher position that is not LOST. A stay ends at each
-- transition that notes when the stage it leaves was entered (from_entered_at).
CREATE FUNCTION pipeline_stage_facts(opp bigint)
    RETURNS TABLE (day date, stage_id bigint, entered integer, advanced integer, stays integer, stay_seconds numeric)
    LANGUAGE sql STABLE AS $$
    SELECT (e.changed_at AT TIME ZONE 'UTC')::date, e.to_stage_id, 1,
           CASE WHEN EXISTS (SELECT 1 FROM stage_transition l JOIN pipeline_stage ls ON ls.id = l.to_stage_id
                              WHERE l.opportunity_id = opp AND (l.changed_at, l.id) > (e.changed_at, e.id)
                                AND ls.category <> 'LOST' AND ls.position > s.position) THEN 1 ELSE 0 END,
           0, 0::numeric
    FROM (SELECT DISTINCT ON (t.to_stage_id) t.id, t.to_stage_id, t.changed_at
            FROM stage_transition t WHERE t.opportunity_id = opp
           ORDER BY t.to_stage_id, t.changed_at, t.id) e
    JOIN pipeline_stage s ON s.id = e.to_stage_id
    UNION ALL
    SELECT (t.changed_at AT TIME ZONE 'UTC')::date, t.from_stage_id, 0, 0, 1,
           EXTRACT(EPOCH FROM t.changed_at - t.from_entered_at)
    FROM stage_transition t
    WHERE t.opportunity_id = opp AND t.from_stage_id IS NOT NULL AND t.from_entered_at IS NOT NULL
$$;

-- The stays again, one row each, and the sales cycle if the opportunity is won: from the first
-- touch (noted when it closed; else its creation) to the close.
CREATE FUNCTION pipeline_duration_facts(opp bigint)
    RETURNS TABLE (stage_id bigint, ended_at timestamptz, micros bigint)
    LANGUAGE sql STABLE AS $$
    SELECT t.from_stage_id, t.changed_at, (EXTRACT(EPOCH FROM t.changed_at - t.from_entered_at) * 1000000)::bigint
    FROM stage_transition t
    WHERE t.opportunity_id = opp AND t.from_stage_id IS NOT NULL AND t.from_entered_at IS NOT NULL
    UNION ALL
    SELECT NULL, o.closed_at,
           greatest(0, floor(EXTRACT(EPOCH FROM o.closed_at - coalesce(o.first_touch_at, o.created_at))))::bigint
               * 1000000
    FROM opportunity o JOIN pipeline_stage s ON s.id = o.stage_id
    WHERE o.id = opp AND s.category = 'WON' AND o.closed_at IS NOT NULL
$$;

-- Adds (sign 1) or takes away (sign -1) one opportunity's contribution, as the rows are now.
-- Every change goes through one transaction-level lock, taken before any rollup row: pipeline writes
-- (human moves, interested replies) then queue instead of deadlocking on the shared rows of a day.
CREATE FUNCTION pipeline_rollup_apply(opp bigint, sign integer) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(hashtextextended('pipeline-rollups', 0));

    INSERT INTO pipeline_stage_daily AS r (owner_key, sequence_key, day, stage_id, entered, advanced, stays, stay_seconds)
    SELECT g.owner_key, g.sequence_key, f.day, f.stage_id, sign * sum(f.entered), sign * sum(f.advanced),
           sign * sum(f.stays), sign * sum(f.stay_seconds)
    FROM opportunity o
    CROSS JOIN LATERAL pipeline_grains(o.owner_id, o.source_sequence_id) g
    CROSS JOIN LATERAL pipeline_stage_facts(o.id) f
    WHERE o.id = opp
    GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
    ON CONFLICT (owner_key, sequence_key, day, stage_id) DO UPDATE
        SET entered = r.entered + EXCLUDED.entered, advanced = r.advanced + EXCLUDED.advanced,
            stays = r.stays + EXCLUDED.stays, stay_seconds = r.stay_seconds + EXCLUDED.stay_seconds;

    INSERT INTO pipeline_closed_daily AS r (owner_key, sequence_key, day, category, currency, closed, amount,
                                            cycle_seconds)
    SELECT g.owner_key, g.sequence_key, (o.closed_at AT TIME ZONE 'UTC')::date, s.category, o.currency, sign,
           sign * coalesce(o.amount, 0),
           sign * greatest(0, floor(EXTRACT(EPOCH FROM o.closed_at - coalesce(o.first_touch_at, o.created_at))))
    FROM opportunity o
    JOIN pipeline_stage s ON s.id = o.stage_id
    CROSS JOIN LATERAL pipeline_grains(o.owner_id, o.source_sequence_id) g
    WHERE o.id = opp AND s.category IN ('WON', 'LOST') AND o.closed_at IS NOT NULL
    ORDER BY 1, 2
    ON CONFLICT ON CONSTRAINT pipeline_closed_daily_key DO UPDATE
        SET closed = r.closed + EXCLUDED.closed, amount = r.amount + EXCLUDED.amount,
            cycle_seconds = r.cycle_seconds + EXCLUDED.cycle_seconds;

    INSERT INTO pipeline_open AS r (owner_key, sequence_key, stage_id, currency, close_month, open_count, amount)
    SELECT g.owner_key, g.sequence_key, o.stage_id, o.currency, date_trunc('month', o.expected_close_date)::date,
           sign, sign * coalesce(o.amount, 0)
    FROM opportunity o
    JOIN pipeline_stage s ON s.id = o.stage_id
    CROSS JOIN LATERAL pipeline_grains(o.owner_id, o.source_sequence_id) g
    WHERE o.id = opp AND s.category = 'OPEN'
    ORDER BY 1, 2
    ON CONFLICT ON CONSTRAINT pipeline_open_key DO UPDATE
        SET open_count = r.open_count + EXCLUDED.open_count, amount = r.amount + EXCLUDED.amount;

    IF sign < 0 THEN
        DELETE FROM pipeline_duration WHERE opportunity_id = opp;
    ELSE
        INSERT INTO pipeline_duration (opportunity_id, owner_key, sequence_key, stage_id, ended_at, micros)
        SELECT o.id, g.owner_key, g.sequence_key, f.stage_id, f.ended_at, f.micros
        FROM opportunity o
        CROSS JOIN LATERAL pipeline_grains(o.owner_id, o.source_sequence_id) g
        CROSS JOIN LATERAL pipeline_duration_facts(o.id) f
        WHERE o.id = opp;
    END IF;
END;
$$;

-- Before a change: take the contribution of the rows as they are; after it: add the new one.
CREATE FUNCTION pipeline_rollup_before() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_TABLE_NAME = 'stage_transition' THEN
        PERFORM pipeline_rollup_apply(NEW.opportunity_id, -1);
        RETURN NEW;
    END IF;
    PERFORM pipeline_rollup_apply(OLD.id, -1);
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END;
$$;

CREATE FUNCTION pipeline_rollup_after() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_TABLE_NAME = 'stage_transition' THEN
        PERFORM pipeline_rollup_apply(NEW.opportunity_id, 1);
    ELSE
        PERFORM pipeline_rollup_apply(NEW.id, 1);
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER pipeline_rollup_before BEFORE INSERT ON stage_transition
    FOR EACH ROW EXECUTE FUNCTION pipeline_rollup_before();
CREATE TRIGGER pipeline_rollup_after AFTER INSERT ON stage_transition
    FOR EACH ROW EXECUTE FUNCTION pipeline_rollup_after();
CREATE TRIGGER pipeline_rollup_after_insert AFTER INSERT ON opportunity
    FOR EACH ROW EXECUTE FUNCTION pipeline_rollup_after();
CREATE TRIGGER pipeline_rollup_before_delete BEFORE DELETE ON opportunity
    FOR EACH ROW EXECUTE FUNCTION pipeline_rollup_before();
-- Only changes of what the rollups read (a new name or prospect changes nothing).
CREATE TRIGGER pipeline_rollup_before_update BEFORE UPDATE ON opportunity
    FOR EACH ROW
    WHEN ((OLD.stage_id, OLD.amount, OLD.currency, OLD.expected_close_date, OLD.owner_id, OLD.source_sequence_id,
           OLD.created_at, OLD.closed_at, OLD.first_touch_at)
          IS DISTINCT FROM (NEW.stage_id, NEW.amount, NEW.currency, NEW.expected_close_date, NEW.owner_id,
                            NEW.source_sequence_id, NEW.created_at, NEW.closed_at, NEW.first_touch_at))
    EXECUTE FUNCTION pipeline_rollup_before();
CREATE TRIGGER pipeline_rollup_after_update AFTER UPDATE ON opportunity
    FOR EACH ROW
    WHEN ((OLD.stage_id, OLD.amount, OLD.currency, OLD.expected_close_date, OLD.owner_id, OLD.source_sequence_id,
           OLD.created_at, OLD.closed_at, OLD.first_touch_at)
          IS DISTINCT FROM (NEW.stage_id, NEW.amount, NEW.currency, NEW.expected_close_date, NEW.owner_id,
                            NEW.source_sequence_id, NEW.created_at, NEW.closed_at, NEW.first_touch_at))
    EXECUTE FUNCTION pipeline_rollup_after();

-- Everything from scratch, with the same functions as the triggers. Under the same lock, so no
-- change slips between the delete and the insert.
CREATE FUNCTION pipeline_rollups_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(hashtextextended('pipeline-rollups', 0));
    DELETE FROM pipeline_stage_daily;
    DELETE FROM pipeline_closed_daily;
    DELETE FROM pipeline_open;
    DELETE FROM pipeline_duration;

    INSERT INTO pipeline_stage_daily (owner_key, sequence_key, day, stage_id, entered, advanced, stays, stay_seconds)
    SELECT g.owner_key, g.sequence_key, f.day, f.stage_id, sum(f.entered), sum(f.advanced), sum(f.stays),
           sum(f.stay_seconds)
    FROM opportunity o
    CROSS JOIN LATERAL pipeline_stage_facts(o.id) f
    CROSS JOIN LATERAL pipeline_grains(o.owner_id, o.source_sequence_id) g
    GROUP BY 1, 2, 3, 4;

    INSERT INTO pipeline_closed_daily (owner_key, sequence_key, day, category, currency, closed, amount, cycle_seconds)
    SELECT g.owner_key, g.sequence_key, (o.closed_at AT TIME ZONE 'UTC')::date, s.category, o.currency, count(*),
           sum(coalesce(o.amount, 0)),
           sum(greatest(0, floor(EXTRACT(EPOCH FROM o.closed_at - coalesce(o.first_touch_at, o.created_at)))))
    FROM opportunity o
    JOIN pipeline_stage s ON s.id = o.stage_id
    CROSS JOIN LATERAL pipeline_grains(o.owner_id, o.source_sequence_id) g
    WHERE s.category IN ('WON', 'LOST') AND o.closed_at IS NOT NULL
    GROUP BY 1, 2, 3, 4, 5;

    INSERT INTO pipeline_open (owner_key, sequence_key, stage_id, currency, close_month, open_count, amount)
    SELECT g.owner_key, g.sequence_key, o.stage_id, o.currency, date_trunc('month', o.expected_close_date)::date,
           count(*), sum(coalesce(o.amount, 0))
    FROM opportunity o
    JOIN pipeline_stage s ON s.id = o.stage_id
    CROSS JOIN LATERAL pipeline_grains(o.owner_id, o.source_sequence_id) g
    WHERE s.category = 'OPEN'
    GROUP BY 1, 2, 3, 4, 5;

    INSERT INTO pipeline_duration (opportunity_id, owner_key, sequence_key, stage_id, ended_at, micros)
    SELECT o.id, g.owner_key, g.sequence_key, f.stage_id, f.ended_at, f.micros
    FROM opportunity o
    CROSS JOIN LATERAL pipeline_duration_facts(o.id) f
    CROSS JOIN LATERAL pipeline_grains(o.owner_id, o.source_sequence_id) g;
END;
$$;

SELECT pipeline_rollups_rebuild();
ANALYZE pipeline_stage_daily, pipeline_closed_daily, pipeline_open, pipeline_duration;

-- Enrollments per sequence, owner and state, for the list of all sequences (it used to group the whole
-- enrollment table on each call). A counter updated in place would be one hot row per sequence that
-- every dispatch chunk and enrollment job of the sequence waits on; instead each change appends its
-- +1 / -1 to report_enrollment_state_delta (insert-only: nothing waits), and every report fold moves
-- the deltas into report_enrollment_states. Readers add the two; a delta is visible exactly when the
-- change that wrote it has committed, so the counts are always those of the committed enrollments.
CREATE TABLE report_enrollment_states (
    sequence_id bigint NOT NULL,
    owner_id    bigint NOT NULL,
    state       text   NOT NULL,
    n           bigint NOT NULL,
    PRIMARY KEY (sequence_id, owner_id, state)
);

CREATE TABLE report_enrollment_state_delta (
    sequence_id bigint  NOT NULL,
    owner_id    bigint  NOT NULL,
    state       text    NOT NULL,
    n           integer NOT NULL
);

CREATE FUNCTION report_enrollment_state_delta() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        INSERT INTO report_enrollment_state_delta (sequence_id, owner_id, state, n)
        VALUES (OLD.sequence_id, OLD.owner_id, OLD.state, -1);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO report_enrollment_state_delta (sequence_id, owner_id, state, n)
        VALUES (NEW.sequence_id, NEW.owner_id, NEW.state, 1);
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER report_enrollment_state_insert_delete AFTER INSERT OR DELETE ON enrollment
    FOR EACH ROW EXECUTE FUNCTION report_enrollment_state_delta();
-- Only when a counted column changes: the dispatcher's updates of next_run_at and steps add nothing.
CREATE TRIGGER report_enrollment_state_update AFTER UPDATE ON enrollment
    FOR EACH ROW
    WHEN ((OLD.sequence_id, OLD.owner_id, OLD.state) IS DISTINCT FROM (NEW.sequence_id, NEW.owner_id, NEW.state))
    EXECUTE FUNCTION report_enrollment_state_delta();

INSERT INTO report_enrollment_states (sequence_id, owner_id, state, n)
SELECT sequence_id, owner_id, state, count(*) FROM enrollment GROUP BY 1, 2, 3;
ANALYZE report_enrollment_states;
