-- V16 kept the enrollment state counts with a row trigger: one delta row, and one trigger call, per
-- enrollment inserted, deleted or moved to another state. A bulk enrollment of a million prospects
-- then wrote a million delta rows. These statement triggers read the statement's transition tables
-- and write one delta row per (sequence, owner, state) the statement changed.
DROP TRIGGER report_enrollment_state_insert_delete ON enrollment;
DROP TRIGGER report_enrollment_state_update ON enrollment;
DROP FUNCTION report_enrollment_state_delta();

CREATE FUNCTION report_enrollment_states_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO report_enrollment_state_delta (sequence_id, owner_id, state, n)
    SELECT sequence_id, owner_id, state, count(*) FROM inserted_rows GROUP BY 1, 2, 3;
    RETURN NULL;
END;
$$;

CREATE FUNCTION report_enrollment_states_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO report_enrollment_state_delta (sequence_id, owner_id, state, n)
    SELECT sequence_id, owner_id, state, -count(*) FROM deleted_rows GROUP BY 1, 2, 3;
    RETURN NULL;
END;
$$;

-- Only rows whose sequence, owner or state changed count: the dispatcher's updates of next_run_at
-- and of the current step add nothing.
CREATE FUNCTION report_enrollment_states_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO report_enrollment_state_delta (sequence_id, owner_id, state, n)
    SELECT d.sequence_id, d.owner_id, d.state, sum(d.n)
    FROM rows_before b
    JOIN rows_after a ON a.id = b.id
    CROSS JOIN LATERAL (VALUES (b.sequence_id, b.owner_id, b.state, -1),
                               (a.sequence_id, a.owner_id, a.state, 1)) AS d(sequence_id, owner_id, state, n)
    WHERE (b.sequence_id, b.owner_id, b.state) IS DISTINCT FROM (a.sequence_id, a.owner_id, a.state)
    GROUP BY 1, 2, 3
    HAVING sum(d.n) <> 0;
    RETURN NULL;
END;
$$;

CREATE TRIGGER report_enrollment_states_insert AFTER INSERT ON enrollment
    REFERENCING NEW TABLE AS inserted_rows
    FOR EACH STATEMENT EXECUTE FUNCTION report_enrollment_states_inserted();
CREATE TRIGGER report_enrollment_states_delete AFTER DELETE ON enrollment
    REFERENCING OLD TABLE AS deleted_rows
    FOR EACH STATEMENT EXECUTE FUNCTION report_enrollment_states_deleted();
CREATE TRIGGER report_enrollment_states_update AFTER UPDATE ON enrollment
    REFERENCING OLD TABLE AS rows_before NEW TABLE AS rows_after
    FOR EACH STATEMENT EXECUTE FUNCTION report_enrollment_states_updated();
