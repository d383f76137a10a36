package dev.relance.engine.sequence;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;


/** Steps and their variants; the versioned templates behind the variants belong to TemplateService. */
@Repository
class StepRepository {

    private static final String INSERT_STEP = """
            INSERT INTO sequence_step (sequence_id, position, type, delay_amount, delay_unit, thread_mode, task_note)
            VALUES (:sequenceId, :position, :type, :delayAmount, :delayUnit, :threadMode, :taskNote)
            RETURNING id
            """;

    // (sequence_id, position) is unique but deferred: steps may swap places inside one transaction.
    private static final String UPDATE_STEP = """
            UPDATE sequence_step
               SET position = :position, type = :type, delay_amount = :delayAmount, delay_unit = :delayUnit,
                   thread_mode = :threadMode, task_note = :taskNote
             WHERE id = :id
            """;

    private static final String DELETE_STEP = """
            DELETE FROM sequence_step WHERE id = :id
            """;

    private static final String FIND_STEPS = """
            SELECT id, position, type, delay_amount, delay_unit, thread_mode, task_note
              FROM sequence_step
             WHERE sequence_id = :sequenceId
             ORDER BY position
            """;

    // Versions are immutable and numbered from 1: the highest is the variant's current content.
    private static final String FIND_VARIANTS = """
            SELECT v.id, v.step_id, v.label, v.weight, v.template_id,
                   tv.id AS template_version_id, tv.version, tv.subject, tv.body_html, tv.body_text
              FROM sequence_step s
              JOIN step_variant v ON v.step_id = s.id
             CROSS JOIN LATERAL (SELECT t.id, t.version, t.subject, t.body_html, t.body_text
                                   FROM template_version t
                                  WHERE t.template_id = v.template_id
                                  ORDER BY t.version DESC
                                  LIMIT 1) tv
             WHERE s.sequence_id = :sequenceId
             ORDER BY v.step_id, v.id
            """;

    private static final String TEMPLATE_IDS_OF_SEQUENCE = """
            SELECT v.template_id
              FROM step_variant v
              JOIN sequence_step s ON s.id = v.step_id
             WHERE s.sequence_id = :sequenceId
            """;


    // Never an UPDATE of a version: sent messages point at the exact version they were rendered from.


    private static final String INSERT_VARIANT = """
            INSERT INTO step_variant (step_id, label, weight, template_id)
            VALUES (:stepId, :label, :weight, :templateId)
            """;

    private static final String UPDATE_VARIANT = """
            UPDATE step_variant SET label = :label, weight = :weight WHERE id = :id
            """;

    private static final String DELETE_VARIANT = """
            DELETE FROM step_variant WHERE id = :id
            """;

    private static final RowMapper<Step> STEP = (rs, row) -> new Step(rs.getLong("id"), rs.getInt("position"),
            StepType.valueOf(rs.getString("type")),
            new Delay(rs.getInt("delay_amount"), DelayUnit.valueOf(rs.getString("delay_unit"))),
            ThreadMode.valueOf(rs.getString("thread_mode")), rs.getString("task_note"), List.of());

    private static final RowMapper<StepVariant> VARIANT = (rs, row) -> new StepVariant(rs.getLong("step_id"),
            new Variant(rs.getLong("id"), rs.getString("label"), rs.getInt("weight"), rs.getLong("template_id"),
                    rs.getInt("version"), rs.getLong("template_version_id"),
                    shownSubject(rs.getString("subject")), rs.getString("body_html"),
                    rs.getString("body_text")));

    private final JdbcClient jdbc;

    StepRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The steps of a sequence in order, each with its variants: two queries whatever the step count. */
    List<Step> findSteps(long sequenceId) {
        Map<Long, List<Variant>> variantsByStep = new LinkedHashMap<>();
        for (StepVariant found : jdbc.sql(FIND_VARIANTS).param("sequenceId", sequenceId).query(VARIANT).list()) {
            variantsByStep.computeIfAbsent(found.stepId(), id -> new ArrayList<>()).add(found.variant());
        }
        return jdbc.sql(FIND_STEPS).param("sequenceId", sequenceId).query(STEP).list().stream()
                .map(step -> new Step(step.id(), step.position(), step.type(), step.delay(), step.threadMode(),
                        step.taskNote(), List.copyOf(variantsByStep.getOrDefault(step.id(), List.of()))))
                .toList();
    }

    List<Long> templateIdsOf(long sequenceId) {
        return jdbc.sql(TEMPLATE_IDS_OF_SEQUENCE).param("sequenceId", sequenceId).query(Long.class).list();
    }

    long insertStep(long sequenceId, int position, StepDraft draft) {
        return bindStep(jdbc.sql(INSERT_STEP), position, draft).param("sequenceId", sequenceId).query(Long.class).single();
    }

    void updateStep(long id, int position, StepDraft draft) {
        bindStep(jdbc.sql(UPDATE_STEP), position, draft).param("id", id).update();
    }

    void deleteStep(long id) {
        jdbc.sql(DELETE_STEP).param("id", id).update();
    }




    void insertVariant(long stepId, VariantDraft draft, long templateId) {
        jdbc.sql(INSERT_VARIANT).param("stepId", stepId).param("label", draft.label().trim())
                .param("weight", draft.weightOrDefault()).param("templateId", templateId).update();
    }

    void updateVariant(long id, VariantDraft draft) {
        jdbc.sql(UPDATE_VARIANT).param("id", id).param("label", draft.label().trim())
                .param("weight", draft.weightOrDefault()).update();
    }

    void deleteVariant(long id) {
        jdbc.sql(DELETE_VARIANT).param("id", id).update();
    }

    private static JdbcClient.StatementSpec bindStep(JdbcClient.StatementSpec spec, int position, StepDraft draft) {
        Delay delay = draft.delayOrDefault();
        return spec.param("position", position).param("type", draft.type().name())
                .param("delayAmount", delay.amount()).param("delayUnit", delay.unit().name())
                .param("threadMode", draft.threadModeOrDefault().name()).param("taskNote", draft.taskNote());
    }

    // A reply-in-thread step stores no subject as "" (the column is NOT NULL) and shows it as null.
    private static String shownSubject(String stored) {
        return stored == null || stored.isBlank() ? null : stored;
    }

    /** A variant and the step it belongs to, as read in one query for a whole sequence. */
    private record StepVariant(long stepId, Variant variant) {
    }
}
