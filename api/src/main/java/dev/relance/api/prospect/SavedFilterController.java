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
import dev.relance.engine.prospect.SavedFilter;
import dev.relance.engine.prospect.SavedFilterDraft;
import dev.relance.engine.prospect.SavedFilterService;
import dev.relance.engine.support.NotFoundException;
import dev.relance.engine.support.Page;
import dev.relance.engine.support.PageRequest;
import dev.relance.engine.user.Role;

/**
 * Saved prospect filters (ADMIN, MANAGER, SDR). Each user saves their own; an SDR sees only theirs,
 * MANAGER and ADMIN see everyone's; only the owner (or an ADMIN) changes or deletes one.
 */
@RestController
@RequestMapping("/api/v1/prospect-filters")
class SavedFilterController {

    private final SavedFilterService filters;

    SavedFilterController(SavedFilterService filters) {
        this.filters = filters;
    }

    @PostMapping
    ResponseEntity<SavedFilter> create(@AuthenticationPrincipal RelanceUser me, @RequestBody @Validated SavedFilterDraft draft) {
        SavedFilter created = filters.create(draft, me.id());
        return Created.at(created.id(), created);
    }

    @GetMapping
    Page<SavedFilter> list(@AuthenticationPrincipal RelanceUser me, @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor, @RequestParam(required = false) Long ownerId) {
        return filters.list(PageRequest.of(limit, cursor), me.visibleOwner(ownerId));
    }

    @GetMapping("/{id}")
    SavedFilter get(@AuthenticationPrincipal RelanceUser me, @PathVariable long id) {
        return visible(me, id);
    }

    @PutMapping("/{id}")
    SavedFilter replace(@AuthenticationPrincipal RelanceUser me, @PathVariable long id,
            @RequestBody @Validated SavedFilterDraft draft) {
        writable(me, id);
        return filters.replace(id, draft);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@AuthenticationPrincipal RelanceUser me, @PathVariable long id) {
        writable(me, id);
        filters.delete(id);
        return ResponseEntity.noContent().build();
    }

    private SavedFilter visible(RelanceUser me, long id) {
        SavedFilter filter = filters.get(id);
        if (!me.maySee(filter.ownerId())) {
            throw new NotFoundException("saved filter", id);
        }
        return filter;
    }

    private void writable(RelanceUser me, long id) {
        SavedFilter filter = visible(me, id);
        if (filter.ownerId() != me.id() && !me.is(Role.ADMIN)) {
            throw new org.springframework.security.access.AccessDeniedException("only its owner changes a saved filter");
        }
    }
}
