package dev.relance.api.sequence;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
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
import dev.relance.engine.sequence.Sequence;
import dev.relance.engine.sequence.SequenceDraft;
import dev.relance.engine.sequence.SequenceService;
import dev.relance.engine.sequence.SequenceStatus;
import dev.relance.engine.sequence.SequenceSummary;
import dev.relance.engine.support.Page;
import dev.relance.engine.support.PageRequest;

/**
 * Sequences with their schedule, steps and variants, read and written as one document (written by
 * ADMIN and MARKETER, read by every role). Editing a variant's content creates a new template
 * version; messages already sent keep theirs.
 */
@RestController
@RequestMapping("/api/v1/sequences")
class SequenceController {

    private final SequenceService sequences;

    SequenceController(SequenceService sequences) {
        this.sequences = sequences;
    }

    @PostMapping
    ResponseEntity<Sequence> create(@AuthenticationPrincipal RelanceUser me, @RequestBody @Validated SequenceDraft draft) {
        Sequence sequence = sequences.create(draft, me.id());
        return Created.at(sequence.id(), sequence);
    }

    @GetMapping
    Page<SequenceSummary> list(@RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor,
            @RequestParam(required = false) SequenceStatus status, @RequestParam(required = false) Long ownerId) {
        return sequences.list(PageRequest.of(limit, cursor), status, ownerId);
    }

    @GetMapping("/{id}")
    Sequence get(@PathVariable long id) {
        return sequences.get(id);
    }

    @PutMapping("/{id}")
    Sequence replace(@AuthenticationPrincipal RelanceUser me, @PathVariable long id,
            @RequestBody @Validated SequenceDraft draft) {
        return sequences.replace(id, draft, me.id());
    }

    @PostMapping("/{id}/activate")
    SequenceSummary activate(@PathVariable long id) {
        return sequences.changeStatus(id, SequenceStatus.ACTIVE);
    }

    /** Returns once no email of the sequence is being sent: none goes out after it. */
    @PostMapping("/{id}/pause")
    SequenceSummary pause(@PathVariable long id) {
        return sequences.changeStatus(id, SequenceStatus.PAUSED);
    }

    @PostMapping("/{id}/archive")
    SequenceSummary archive(@PathVariable long id) {
        return sequences.changeStatus(id, SequenceStatus.ARCHIVED);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        sequences.delete(id);
        return ResponseEntity.noContent().build();
    }
}
