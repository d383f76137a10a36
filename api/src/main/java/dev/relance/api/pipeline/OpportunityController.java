package dev.relance.api.pipeline;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.relance.api.Created;
import dev.relance.api.security.RelanceUser;
import dev.relance.engine.pipeline.Opportunity;
import dev.relance.engine.pipeline.OpportunityDraft;
import dev.relance.engine.pipeline.OpportunityFilter;
import dev.relance.engine.pipeline.OpportunityService;
import dev.relance.engine.pipeline.StageTransition;
import dev.relance.engine.support.NotFoundException;
import dev.relance.engine.support.Page;
import dev.relance.engine.support.PageRequest;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Opportunities. ADMIN and MANAGER see and move all of them; an SDR sees, edits and moves their own
 * only (another's answers 404) and cannot give one to someone else (403). There is no DELETE: the stage
 * history is append-only, so a mistaken opportunity is moved to Closed Lost with a reason.
 */
@RestController
@RequestMapping("/api/v1/opportunities")
class OpportunityController {

    private final OpportunityService opportunities;

    OpportunityController(OpportunityService opportunities) {
        this.opportunities = opportunities;
    }

    /** @param stage key of the stage to move to; @param reason kept in the stage history */
    record Move(@NotBlank @Size(max = 40) String stage, @Size(max = 500) String reason) {
    }

    @GetMapping
    Page<Opportunity> list(@AuthenticationPrincipal RelanceUser me, @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor, @RequestParam(required = false) Long ownerId,
            @RequestParam(required = false) Long accountId, @RequestParam(required = false) Long prospectId,
            @RequestParam(required = false) String stage, @RequestParam(required = false) Boolean open,
            @RequestParam(required = false) Long sequenceId) {
        return opportunities.list(PageRequest.of(limit, cursor),
                new OpportunityFilter(me.visibleOwner(ownerId), accountId, prospectId, stage, open, sequenceId));
    }

    @PostMapping
    ResponseEntity<Opportunity> create(@AuthenticationPrincipal RelanceUser me,
            @RequestBody @Validated OpportunityDraft draft) {
        OpportunityDraft owned = draft.ownedByDefault(me.id());
        requireMayOwn(me, owned.ownerId());
        Opportunity created = opportunities.create(owned, me.id());
        return Created.at(created.id(), created);
    }

    @GetMapping("/{id}")
    Opportunity get(@AuthenticationPrincipal RelanceUser me, @PathVariable long id) {
        return visible(me, id);
    }

    /** Every field but the stage; a field left out becomes null. */
    @PutMapping("/{id}")
    Opportunity replace(@AuthenticationPrincipal RelanceUser me, @PathVariable long id,
            @RequestBody @Validated OpportunityDraft draft) {
        Opportunity current = visible(me, id);
        OpportunityDraft owned = draft.ownedByDefault(current.ownerId() == null ? me.id() : current.ownerId());
        requireMayOwn(me, owned.ownerId());
        return opportunities.replace(id, owned);
    }

    /** Moves to another stage (forwards, backwards, closing or reopening), recorded in the history. */
    @PostMapping("/{id}/stage")
    Opportunity move(@AuthenticationPrincipal RelanceUser me, @PathVariable long id,
            @RequestBody @Validated Move move) {
        visible(me, id);
        return opportunities.move(id, move.stage(), move.reason(), me.id());
    }

    /** The stage history, oldest first. */
    @GetMapping("/{id}/transitions")
    List<StageTransition> transitions(@AuthenticationPrincipal RelanceUser me, @PathVariable long id) {
        visible(me, id);
        return opportunities.history(id);
    }

    private Opportunity visible(RelanceUser me, long id) {
        Opportunity opportunity = opportunities.get(id);
        if (!me.maySee(opportunity.ownerId() == null ? -1 : opportunity.ownerId())) {
            throw new NotFoundException("opportunity", id);
        }
        return opportunity;
    }

    private static void requireMayOwn(RelanceUser me, Long ownerId) {
        if (ownerId != null && !me.maySee(ownerId)) {
            throw new AccessDeniedException("an SDR's opportunities are their own");
        }
    }
}
