package dev.relance.api.prospect;

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
import dev.relance.engine.prospect.Suppression;
import dev.relance.engine.prospect.SuppressionDraft;
import dev.relance.engine.prospect.SuppressionKind;
import dev.relance.engine.prospect.SuppressionReason;
import dev.relance.engine.prospect.SuppressionService;
import dev.relance.engine.support.Page;
import dev.relance.engine.support.PageRequest;

/**
 * The do-not-contact list. SDRs may add entries; only an ADMIN may lift one, since lifting it
 * may mean writing again to someone who asked us to stop.
 */
@RestController
@RequestMapping("/api/v1/suppressions")
class SuppressionController {

    private final SuppressionService suppressions;

    SuppressionController(SuppressionService suppressions) {
        this.suppressions = suppressions;
    }

    @PostMapping
    ResponseEntity<Suppression> create(@AuthenticationPrincipal RelanceUser me, @RequestBody @Validated SuppressionDraft draft) {
        Suppression suppression = suppressions.create(draft, me.id());
        return Created.at(suppression.id(), suppression);
    }

    @GetMapping
    Page<Suppression> list(@RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor,
            @RequestParam(required = false) SuppressionKind kind, @RequestParam(required = false) SuppressionReason reason,
            @RequestParam(required = false) String value) {
        return suppressions.list(PageRequest.of(limit, cursor), kind, reason, value);
    }

    @GetMapping("/{id}")
    Suppression get(@PathVariable long id) {
        return suppressions.get(id);
    }

    /** Corrects the reason or source; what the entry matches cannot change. */
    @PutMapping("/{id}")
    Suppression replace(@PathVariable long id, @RequestBody @Validated SuppressionDraft draft) {
        return suppressions.replace(id, draft);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        suppressions.delete(id);
        return ResponseEntity.noContent().build();
    }
}
