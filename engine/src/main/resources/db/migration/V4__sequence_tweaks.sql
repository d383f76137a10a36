-- A replace of a sequence may swap two variants' labels (A <-> B) in one transaction, as it may swap
-- step positions: check label uniqueness at commit, like (sequence_id, position).
ALTER TABLE step_variant
    DROP CONSTRAINT step_variant_step_id_label_key,
    ADD CONSTRAINT step_variant_step_id_label_key UNIQUE (step_id, label) DEFERRABLE INITIALLY DEFERRED;
