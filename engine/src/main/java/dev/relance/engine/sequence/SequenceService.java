package dev.relance.engine.sequence;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import dev.relance.engine.support.ConflictException;
import dev.relance.engine.support.Constraints;
import dev.relance.engine.support.NotFoundException;
import dev.relance.engine.support.Page;
import dev.relance.engine.support.PageRequest;
import dev.relance.engine.template.TemplateService;

/**
 * Sequences: their steps, A/B variants with versioned templates, send schedule and rules. A sequence
 * is written whole (create, replace) and checked whole before anything is stored.
 */
@Service
public class SequenceService {

    private final SequenceRepository sequences;
    private final StepRepository steps;
    private final StepWriter stepWriter;
    private final DraftValidator validator;
    private final TemplateService templates;
    private final Clock clock;

    SequenceService(SequenceRepository sequences, StepRepository steps, StepWriter stepWriter, DraftValidator validator,
            TemplateService templates, Clock clock) {
        this.templates = templates;
        this.sequences = sequences;
        this.steps = steps;
        this.stepWriter = stepWriter;
        this.validator = validator;
        this.clock = clock;
    }

    /**
     * Creates a sequence with its steps; each variant gets a template at version 1.
     *
     * @param createdBy the acting user: the default owner and the author of the template versions
     */
    @Transactional
    public Sequence create(SequenceDraft draft, Long createdBy) {
        validator.check(draft, null);
        Instant now = clock.instant();
        SequenceStatus status = draft.status() == null ? SequenceStatus.DRAFT : draft.status();
        Long ownerId = draft.ownerId() == null ? createdBy : draft.ownerId();
        long id;
        try {
            id = sequences.insert(draft, status, ownerId, rulesOf(draft), now);
        } catch (DataIntegrityViolationException e) {
            throw Constraints.invalidReference(e, "sequence");
        }
        sequences.writeSchedule(id, ScheduleRules.of(draft.schedule()));
        stepWriter.insertAll(id, draft.name(), draft.steps(), createdBy, now);
        return get(id);
    }

    /**
     * Replaces a sequence with {@code draft}, all or nothing. Steps and variants with an id are
     * updated in place, those without are added, stored ones left out are deleted: a step or variant
     * that already sent messages cannot be deleted (ConflictException "in-use"). Changed variant
     * content becomes a new template version; unchanged content writes none.
     *
     * @param editedBy the acting user, author of the new template versions
     */
    @Transactional
    public Sequence replace(long id, SequenceDraft draft, Long editedBy) {
        Sequence current = assemble(sequences.findByIdForUpdate(id).orElseThrow(() -> new NotFoundException("sequence", id)));
        validator.check(draft, current);
        Instant now = clock.instant();
        SequenceStatus status = draft.status() == null ? current.status() : draft.status();
        Long ownerId = draft.ownerId() == null ? current.ownerId() : draft.ownerId();
        try {
            sequences.update(id, draft, status, ownerId, rulesOf(draft), now);
        } catch (DataIntegrityViolationException e) {
            throw Constraints.invalidReference(e, "sequence");
        }
        sequences.writeSchedule(id, ScheduleRules.of(draft.schedule()));
        stepWriter.sync(current, draft.name(), draft.steps(), editedBy, now);
        return get(id);
    }

    // One snapshot for the handful of queries, so that a concurrent replace cannot be seen half done.
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Sequence get(long id) {
        return assemble(sequences.findById(id).orElseThrow(() -> new NotFoundException("sequence", id)));
    }

    /** Newest first, optionally only one status and one owner. */
    public Page<SequenceSummary> list(PageRequest page, SequenceStatus status, Long ownerId) {
        return Page.of(sequences.list(page, status, ownerId), page, SequenceSummary::id);
    }

    /** Deletes a sequence that never enrolled anyone, with its templates; a used one must be archived. */
    @Transactional
    public void delete(long id) {
        List<Long> templateIds = steps.templateIdsOf(id);
        try {
            if (!sequences.delete(id)) {
                throw new NotFoundException("sequence", id);
            }
            templates.deleteTemplates(templateIds);
        } catch (DataIntegrityViolationException e) {
            throw new ConflictException("in-use",
                    "sequence " + id + " has enrollments or sent messages and cannot be deleted: archive it instead");
        }
    }

    /**
     * Activates, pauses or archives a sequence. A pause takes effect at send time: it waits for the
     * emails being handed to SMTP right now, and once it returns no email of the sequence goes out.
     */
    @Transactional
    public SequenceSummary changeStatus(long id, SequenceStatus status) {
        SequenceStatus current = statusOf(id);
        if (!current.canBecome(status)) {
            throw new ConflictException("invalid-transition", "sequence " + id + " is " + current + " and cannot become " + status);
        }
        if (status == SequenceStatus.ACTIVE && stepCount(id) == 0) {
            throw new ConflictException("sequence-empty", "sequence " + id + " has no steps yet");
        }
        sequences.setStatus(id, status, clock.instant());
        Sequence changed = get(id);
        return new SequenceSummary(changed.id(), changed.name(), changed.description(), changed.status(), changed.ownerId(),
                changed.steps().size(), changed.createdAt(), changed.updatedAt());
    }

    public SequenceStatus statusOf(long id) {
        return sequences.statusOf(id).orElseThrow(() -> new NotFoundException("sequence", id));
    }

    public int stepCount(long id) {
        return sequences.stepCount(id).orElseThrow(() -> new NotFoundException("sequence", id));
    }

    private Sequence assemble(SequenceRow row) {
        return row.with(sequences.findSchedule(row.id()), steps.findSteps(row.id()));
    }

    private static SequenceRules rulesOf(SequenceDraft draft) {
        return draft.rules() == null ? SequenceRules.defaults() : draft.rules();
    }
}
