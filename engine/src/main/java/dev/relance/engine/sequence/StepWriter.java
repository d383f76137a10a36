package dev.relance.engine.sequence;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

import dev.relance.engine.support.ConflictException;
import dev.relance.engine.template.TemplateService;

/**
 * Writes the steps of a sequence: all of them on create, the differences on replace. Steps and
 * variants keep their ids across edits so that sent messages and statistics stay attached; changed
 * content becomes a new template version. Runs inside the caller's transaction, on a validated draft.
 */
@Component
class StepWriter {

    private final StepRepository steps;
    private final TemplateService templates;

    StepWriter(StepRepository steps, TemplateService templates) {
        this.steps = steps;
        this.templates = templates;
    }

    void insertAll(long sequenceId, String sequenceName, List<StepDraft> drafts, Long author, Instant now) {
        for (int i = 0; i < drafts.size(); i++) {
            insertStep(sequenceId, sequenceName, i + 1, drafts.get(i), author, now);
        }
    }

    /** Makes the stored steps of {@code current} match {@code drafts}, whose ids were checked to be its own. */
    void sync(Sequence current, String sequenceName, List<StepDraft> drafts, Long author, Instant now) {
        Set<Long> keptIds = drafts.stream().map(StepDraft::id).filter(Objects::nonNull).collect(Collectors.toSet());
        for (Step step : current.steps()) {
            if (!keptIds.contains(step.id())) {
                removeStep(step);
            }
        }
        Map<Long, Step> stored = current.steps().stream().collect(Collectors.toMap(Step::id, Function.identity()));
        for (int i = 0; i < drafts.size(); i++) {
            StepDraft draft = drafts.get(i);
            if (draft.id() == null) {
                insertStep(current.id(), sequenceName, i + 1, draft, author, now);
            } else {
                updateStep(stored.get(draft.id()), sequenceName, i + 1, draft, author, now);
            }
        }
    }

    private void insertStep(long sequenceId, String sequenceName, int position, StepDraft draft, Long author, Instant now) {
        long stepId = steps.insertStep(sequenceId, position, draft);
        for (VariantDraft variant : draft.variantsOrEmpty()) {
            insertVariant(stepId, sequenceName, position, variant, author, now);
        }
    }

    private void updateStep(Step stored, String sequenceName, int position, StepDraft draft, Long author, Instant now) {
        steps.updateStep(stored.id(), position, draft);
        Set<Long> keptIds = draft.variantsOrEmpty().stream().map(VariantDraft::id).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        for (Variant variant : stored.variants()) {
            if (!keptIds.contains(variant.id())) {
                removeVariant(position, variant);
            }
        }
        Map<Long, Variant> storedVariants = stored.variants().stream()
                .collect(Collectors.toMap(Variant::id, Function.identity()));
        for (VariantDraft variant : draft.variantsOrEmpty()) {
            if (variant.id() == null) {
                insertVariant(stored.id(), sequenceName, position, variant, author, now);
            } else {
                updateVariant(storedVariants.get(variant.id()), variant, author, now);
            }
        }
    }

    private void insertVariant(long stepId, String sequenceName, int position, VariantDraft draft, Long author,
            Instant now) {
        String name = sequenceName + " · step " + position + " · variant " + draft.label().trim();
        long templateId = templates.createTemplate(name, draft.source(), author);
        steps.insertVariant(stepId, draft, templateId);
    }

    private void updateVariant(Variant stored, VariantDraft draft, Long author, Instant now) {
        steps.updateVariant(stored.id(), draft);
        templates.reviseIfChanged(stored.templateId(), stored.source(), draft.source(), author);
    }

    private void removeStep(Step step) {
        try {
            steps.deleteStep(step.id());
            templates.deleteTemplates(step.variants().stream().map(Variant::templateId).toList());
        } catch (DataIntegrityViolationException e) {
            throw new ConflictException("in-use", "step " + step.position()
                    + " has sent messages or tasks; keep it (it may move), or archive this sequence and start a copy");
        }
    }

    private void removeVariant(int position, Variant variant) {
        try {
            steps.deleteVariant(variant.id());
            templates.deleteTemplates(List.of(variant.templateId()));
        } catch (DataIntegrityViolationException e) {
            throw new ConflictException("in-use", "variant " + variant.label() + " of step " + position
                    + " has sent messages; set its weight to 0 instead of removing it");
        }
    }
}
