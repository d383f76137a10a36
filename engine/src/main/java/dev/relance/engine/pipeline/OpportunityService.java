package dev.relance.engine.pipeline;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.relance.engine.support.ConflictException;
import dev.relance.engine.support.Constraints;
import dev.relance.engine.support.InvalidInputException;
import dev.relance.engine.support.NotFoundException;
import dev.relance.engine.support.Page;
import dev.relance.engine.support.PageRequest;

/**
 * Opportunities and their stages. Every change of stage (creation included) is recorded in the
 * append-only stage history with a STAGE_CHANGED event. Interested replies create or advance the
 * account's open opportunity ({@link #qualifyReply}); a person can qualify or disqualify a reply by
 * hand.
 */
@Service
public class OpportunityService {

    private final OpportunityRepository opportunities;
    private final StageHistory history;
    private final StageService stages;
    private final PipelineProperties properties;
    private final Clock clock;

    OpportunityService(OpportunityRepository opportunities, StageHistory history, StageService stages,
            PipelineProperties properties, Clock clock) {
        this.opportunities = opportunities;
        this.history = history;
        this.stages = stages;
        this.properties = properties;
        this.clock = clock;
    }

    public Opportunity get(long id) {
        return opportunities.findById(id).orElseThrow(() -> new NotFoundException("opportunity", id));
    }

    public Page<Opportunity> list(PageRequest page, OpportunityFilter filter) {
        return Page.of(opportunities.list(page, filter), page, Opportunity::id);
    }

    /** The stage history, oldest first. */
    public List<StageTransition> history(long id) {
        get(id);
        return history.of(id);
    }

    /**
     * Creates an opportunity at the draft's stage (default: the first OPEN stage), recorded as its
     * first transition by {@code createdBy}.
     */
    @Transactional
    public Opportunity create(OpportunityDraft draft, Long createdBy) {
        opportunities.lockRollups();
        Money money = Money.parse(draft.amount(), draft.currency());
        Stage stage = draft.stage() == null ? firstOpen() : stages.byKey(draft.stage(), "stage");
        Long accountId = accountOf(draft);
        Instant now = clock.instant();
        try {
            long id = opportunities.insert(draft.name(), accountId, draft.prospectId(), stage, money,
                    draft.expectedCloseDate(), draft.ownerId(), blankToNull(draft.demandUnit()), draft.source(), now);
            Opportunity created = get(id);
            history.record(created, null, stage, createdBy, now, "created", null);
            return created;
        } catch (DataIntegrityViolationException e) {
            throw Constraints.invalidReference(e, "opportunity");
        }
    }

    /**
     * Replaces every field but the stage and the reply it came from; source attribution fields left
     * out (null) keep their value, so that editing the amount never loses the credit.
     */
    @Transactional
    public Opportunity replace(long id, OpportunityDraft draft) {
        opportunities.lockRollups();
        OpportunityRepository.Current current = opportunities.lock(id)
                .orElseThrow(() -> new NotFoundException("opportunity", id));
        if (draft.stage() != null && !draft.stage().equals(current.opportunity().stage())) {
            throw new InvalidInputException("stage", "changes only through POST /opportunities/" + id
                    + "/stage, so that the change is recorded");
        }
        Money money = Money.parse(draft.amount(), draft.currency());
        Long accountId = accountOf(draft);
        try {
            opportunities.replace(id, draft.name(), accountId, draft.prospectId(), money, draft.expectedCloseDate(),
                    draft.ownerId(), blankToNull(draft.demandUnit()),
                    keepUnlessGiven(current.opportunity().source(), draft.source()), clock.instant());
        } catch (DataIntegrityViolationException e) {
            throw Constraints.invalidReference(e, "opportunity");
        }
        return get(id);
    }

    /**
     * Moves an opportunity to another stage, forwards or backwards. A WON or LOST stage closes it
     * (sets closedAt); moving a closed one to an OPEN stage reopens it (clears closedAt). Recorded.
     *
     * @throws ConflictException "invalid-transition" when it is already at that stage
     */
    @Transactional
    public Opportunity move(long id, String stageKey, String reason, Long movedBy) {
        opportunities.lockRollups();
        Stage target = stages.byKey(stageKey, "stage");
        OpportunityRepository.Current current = opportunities.lock(id)
                .orElseThrow(() -> new NotFoundException("opportunity", id));
        if (current.opportunity().stageId() == target.id()) {
            throw new ConflictException("invalid-transition", "opportunity " + id + " is already at " + target.key());
        }
        String why = blankToNull(reason);
        if (why == null && current.opportunity().category().closes() && !target.category().closes()) {
            why = "reopened";
        }
        return moveTo(current, target, movedBy, why, null);
    }

    /**
     * An interested reply to {@code messageId}: creates the open opportunity of the prospect's account
     * (of the prospect alone when it has no account) at {@code stageKey} (default
     * {@code relance.pipeline.qualified-reply-stage}), or advances the open one there. Never a second
     * open opportunity, never a step backwards: an opportunity already at or past that stage is left
     * as it is.
     *
     * @param messageId our message that was answered; null for a reply tied to no message (then only the
     *     prospect is credited)
     * @param qualifiedBy the person who qualified the reply, or null when Relance did
     */
    @Transactional
    public Opportunity qualifyReply(Long messageId, long prospectId, String stageKey, Long qualifiedBy) {
        opportunities.lockRollups();
        Stage target = stages.byKey(stageKey == null ? properties.qualifiedReplyStage() : stageKey, "stage");
        if (target.category() != StageCategory.OPEN) {
            throw new InvalidInputException("stage", "must be an OPEN stage: a reply qualifies, it does not close");
        }
        OpportunityRepository.Attribution attribution = (messageId == null
                ? opportunities.attributionOfProspect(prospectId)
                : opportunities.attributionOfMessage(messageId))
                .orElseThrow(() -> new NotFoundException(messageId == null ? "prospect" : "message",
                        messageId == null ? prospectId : messageId));
        String reason = qualifiedBy == null ? "interested reply" : "reply qualified by hand";
        opportunities.lockKey(attribution.accountId(), attribution.prospectId());
        var open = opportunities.openFor(attribution.accountId(), attribution.prospectId());
        if (open.isPresent()) {
            OpportunityRepository.Current current = open.get();
            if (current.position() >= target.position()) {
                return current.opportunity();
            }
            return moveTo(current, target, qualifiedBy, reason, attribution.messageId());
        }
        Instant now = clock.instant();
        Long owner = attribution.ownerId() != null ? attribution.ownerId() : qualifiedBy;
        long id = opportunities.insert(attribution.name(), attribution.accountId(), attribution.prospectId(), target,
                null, null, owner, null, attribution.source(), now);
        Opportunity created = get(id);
        history.record(created, null, target, qualifiedBy, now, reason, attribution.messageId());
        return created;
    }

    /**
     * A person judges a reply not qualified after all: the opportunity it created (or else the last one
     * it moved) goes to the first LOST stage with the reason, recorded as a transition.
     *
     * @throws ConflictException "no-opportunity" when the reply made none; "invalid-transition" when
     *     that opportunity is won
     */
    @Transactional
    public Opportunity disqualifyReply(long messageId, String reason, Long disqualifiedBy) {
        opportunities.lockRollups();
        OpportunityRepository.Current current = opportunities.ofReply(messageId)
                .orElseThrow(() -> new ConflictException("no-opportunity",
                        "no opportunity was created or moved by this reply"));
        Opportunity opportunity = current.opportunity();
        if (opportunity.category() == StageCategory.LOST) {
            return opportunity;
        }
        if (opportunity.category() == StageCategory.WON) {
            throw new ConflictException("invalid-transition", "opportunity " + opportunity.id()
                    + " is won; move it by hand if it must change");
        }
        String why = "disqualified" + (blankToNull(reason) == null ? "" : ": " + reason.strip());
        return moveTo(current, stages.firstLost(), disqualifiedBy, why, messageId);
    }

    private Opportunity moveTo(OpportunityRepository.Current current, Stage target, Long by, String reason,
            Long messageId) {
        Instant now = clock.instant();
        long id = current.opportunity().id();
        Stage from = stages.get(current.opportunity().stageId());
        opportunities.setStage(id, target, now);
        Opportunity moved = get(id);
        history.record(moved, from, target, by, now, reason, messageId);
        return moved;
    }

    private Stage firstOpen() {
        return stages.list().stream().filter(stage -> stage.category() == StageCategory.OPEN).findFirst()
                .orElseThrow(() -> new ConflictException("no-open-stage", "the pipeline has no OPEN stage"));
    }

    // The prospect's account when the draft names a prospect but no account.
    private Long accountOf(OpportunityDraft draft) {
        if (draft.accountId() != null) {
            return draft.accountId();
        }
        if (draft.prospectId() == null) {
            throw new InvalidInputException("accountId", "is required unless prospectId is given");
        }
        return opportunities.accountOfProspect(draft.prospectId()).orElse(null);
    }

    private static OpportunitySource keepUnlessGiven(OpportunitySource kept, OpportunitySource given) {
        return new OpportunitySource(either(given.sequenceId(), kept.sequenceId()), either(given.stepId(), kept.stepId()),
                either(given.variantId(), kept.variantId()), either(given.mailboxId(), kept.mailboxId()),
                either(given.ownerId(), kept.ownerId()), kept.messageId());
    }

    private static Long either(Long given, Long kept) {
        return given != null ? given : kept;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
