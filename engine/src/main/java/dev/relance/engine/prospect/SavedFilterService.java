package dev.relance.engine.prospect;

import java.time.Clock;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import dev.relance.engine.support.ConflictException;
import dev.relance.engine.support.Constraints;
import dev.relance.engine.support.NotFoundException;
import dev.relance.engine.support.Page;
import dev.relance.engine.support.PageRequest;

/** Saved prospect filters: named criteria their owner reuses (bulk enrollment jobs take one by id). */
@Service
public class SavedFilterService {

    private final SavedFilterRepository filters;
    private final Clock clock;

    SavedFilterService(SavedFilterRepository filters, Clock clock) {
        this.filters = filters;
        this.clock = clock;
    }

    public SavedFilter create(SavedFilterDraft draft, long ownerId) {
        draft.criteria().checked("criteria");
        try {
            return filters.insert(draft, ownerId, clock.instant());
        } catch (DuplicateKeyException e) {
            throw duplicate(draft);
        } catch (DataIntegrityViolationException e) {
            throw Constraints.invalidReference(e, "saved filter");
        }
    }

    public SavedFilter get(long id) {
        return filters.find(id).orElseThrow(() -> new NotFoundException("saved filter", id));
    }

    /** Newest first; only {@code ownerId}'s when given. */
    public Page<SavedFilter> list(PageRequest page, Long ownerId) {
        return Page.of(filters.list(page, ownerId), page, SavedFilter::id);
    }

    public SavedFilter replace(long id, SavedFilterDraft draft) {
        draft.criteria().checked("criteria");
        try {
            return filters.update(id, draft, clock.instant()).orElseThrow(() -> new NotFoundException("saved filter", id));
        } catch (DuplicateKeyException e) {
            throw duplicate(draft);
        }
    }

    public void delete(long id) {
        get(id);
        filters.delete(id);
    }

    private static ConflictException duplicate(SavedFilterDraft draft) {
        return new ConflictException("duplicate-filter", "you already have a filter named \"" + draft.name().strip() + "\"");
    }
}
