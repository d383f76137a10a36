package dev.relance.engine.template;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.relance.engine.support.ConflictException;
import dev.relance.engine.support.NotFoundException;
import dev.relance.engine.support.Page;
import dev.relance.engine.support.PageRequest;
import dev.relance.templates.SnippetSource;

/**
 * Snippets: named blocks (a case study, a PS, a signature variant) written once and included by
 * name. Every edit is a new version; a template compiled afterwards includes the latest one.
 */
@Service
public class SnippetService implements SnippetSource {

    private final SnippetRepository snippets;
    private final SnippetChecks checks;
    private final Clock clock;

    SnippetService(SnippetRepository snippets, SnippetChecks checks, Clock clock) {
        this.snippets = snippets;
        this.checks = checks;
        this.clock = clock;
    }

    @Transactional
    public Snippet create(SnippetDraft draft, Long createdBy) {
        checks.check(draft, this);
        try {
            long id = snippets.insert(draft, clock.instant());
            snippets.insertVersion(id, draft.body(), createdBy, clock.instant());
            return get(id);
        } catch (DuplicateKeyException e) {
            throw duplicate(draft);
        }
    }

    /** Renames or re-describes the snippet; a changed body becomes a new version. */
    @Transactional
    public Snippet replace(long id, SnippetDraft draft, Long editedBy) {
        Snippet current = get(id);
        checks.check(draft, this);
        try {
            snippets.update(id, draft, clock.instant());
        } catch (DuplicateKeyException e) {
            throw duplicate(draft);
        }
        if (!current.body().equals(draft.body())) {
            snippets.insertVersion(id, draft.body(), editedBy, clock.instant());
        }
        return get(id);
    }

    public Snippet get(long id) {
        return snippets.findById(id).orElseThrow(() -> new NotFoundException("snippet", id));
    }

    public Page<Snippet> list(PageRequest page) {
        return Page.of(snippets.list(page), page, Snippet::id);
    }

    /** Every version, newest first. */
    public List<Snippet> versions(long id) {
        get(id);
        return snippets.versions(id);
    }

    @Transactional
    public void delete(long id) {
        if (!snippets.delete(id)) {
            throw new NotFoundException("snippet", id);
        }
    }

    /** The latest body of the named snippet, for the template engine. */
    @Override
    public Optional<String> find(String name) {
        return snippets.findByName(name).map(Snippet::body);
    }

    private static ConflictException duplicate(SnippetDraft draft) {
        return new ConflictException("duplicate-snippet", "a snippet named " + draft.name() + " already exists");
    }
}
