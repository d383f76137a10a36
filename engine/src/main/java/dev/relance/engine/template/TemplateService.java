package dev.relance.engine.template;

import java.time.Clock;
import java.util.Collection;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.relance.engine.prospect.ProspectService;
import dev.relance.engine.support.InvalidInputException;
import dev.relance.engine.support.NotFoundException;
import dev.relance.templates.CompiledEmail;
import dev.relance.templates.EmailTemplateSource;
import dev.relance.templates.RenderedEmail;
import dev.relance.templates.TemplateEngine;
import dev.relance.templates.TemplateInvalidException;
import dev.relance.templates.TemplateProblem;
import dev.relance.templates.TemplateSchema;

/**
 * Email templates and their immutable versions: written when sequences are saved or a marketer
 * revises one, validated against the known variables and snippets, compiled once per version and
 * rendered for each recipient.
 */
@Service
public class TemplateService {

    private final TemplateRepository templates;
    private final TemplateEngine engine;
    private final SnippetService snippets;
    private final ProspectService prospects;
    private final CompiledTemplates compiled;
    private final Clock clock;

    TemplateService(TemplateRepository templates, TemplateEngine engine, SnippetService snippets,
            ProspectService prospects, CompiledTemplates compiled, Clock clock) {
        this.templates = templates;
        this.engine = engine;
        this.snippets = snippets;
        this.prospects = prospects;
        this.compiled = compiled;
        this.clock = clock;
    }

    /** Every problem of {@code source}: errors and warnings (see {@link TemplateProblems#isWarning}). */
    public List<TemplateProblem> problems(EmailTemplateSource source, boolean subjectRequired) {
        return engine.validate(source, subjectRequired, new TemplateSchema(prospects.customFieldKeys()), snippets);
    }

    /** The errors of {@code source}, without the warnings: what refuses a save. */
    public List<TemplateProblem> errors(EmailTemplateSource source, boolean subjectRequired) {
        return problems(source, subjectRequired).stream().filter(p -> !TemplateProblems.isWarning(p)).toList();
    }

    /** A new template at version 1; the caller has validated the content. */
    @Transactional
    public long createTemplate(String name, EmailTemplateSource source, Long author) {
        long id = templates.insertTemplate(name, clock.instant());
        templates.insertVersion(id, TemplateContents.stored(source), author, clock.instant());
        return id;
    }

    /** Writes a new version when {@code edited} differs from {@code current}; unchanged content writes none. */
    @Transactional
    public void reviseIfChanged(long templateId, EmailTemplateSource current, EmailTemplateSource edited, Long author) {
        EmailTemplateSource stored = TemplateContents.stored(edited);
        if (!stored.equals(TemplateContents.stored(current))) {
            templates.lock(templateId);
            templates.insertVersion(templateId, stored, author, clock.instant());
        }
    }

    /** A marketer's revision through the API: validated, then written as the next version. */
    @Transactional
    public TemplateVersion revise(long templateId, EmailTemplateSource source, Long author) {
        if (!templates.lock(templateId)) {
            throw new NotFoundException("template", templateId);
        }
        List<TemplateProblem> errors = errors(source, !templates.repliesInThread(templateId));
        if (!errors.isEmpty()) {
            throw new InvalidInputException(TemplateProblems.asFieldProblems("", errors));
        }
        return templates.insertVersion(templateId, TemplateContents.stored(source), author, clock.instant());
    }

    /** Newest first. */
    public List<TemplateVersion> versions(long templateId) {
        List<TemplateVersion> versions = templates.versions(templateId);
        if (versions.isEmpty()) {
            throw new NotFoundException("template", templateId);
        }
        return versions;
    }

    public TemplateVersion version(long templateVersionId) {
        return templates.byId(templateVersionId).orElseThrow(() -> new NotFoundException("template version", templateVersionId));
    }

    /** Deletes templates that no variant uses any more, with their versions. */
    @Transactional
    public void deleteTemplates(Collection<Long> ids) {
        templates.deleteTemplates(List.copyOf(ids));
    }

    /**
     * Renders a template version for one recipient, strictly: a printed variable missing for this
     * recipient without a fallback throws {@link dev.relance.templates.MissingVariablesException}.
     */
    public RenderedEmail render(long templateVersionId, Recipient recipient) {
        return engine.render(compiled(templateVersionId), RenderVariables.contextOf(recipient, clock));
    }

    /** Like {@link #render} but missing variables come out empty and are listed as warnings. */
    public RenderedEmail preview(EmailTemplateSource source, boolean subjectRequired, Recipient recipient) {
        CompiledEmail email;
        try {
            email = engine.compile(source, subjectRequired, snippets);
        } catch (TemplateInvalidException e) {
            throw new InvalidInputException(TemplateProblems.asFieldProblems("", e.problems()));
        }
        return engine.preview(email, RenderVariables.contextOf(recipient, clock));
    }

    private CompiledEmail compiled(long templateVersionId) {
        return compiled.get(templateVersionId, () -> {
            TemplateVersion version = version(templateVersionId);
            return engine.compile(TemplateContents.of(version), !templates.repliesInThread(version.templateId()), snippets);
        });
    }
}
