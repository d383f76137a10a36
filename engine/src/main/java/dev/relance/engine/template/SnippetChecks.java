package dev.relance.engine.template;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.relance.engine.support.InvalidInputException;
import dev.relance.engine.support.InvalidInputException.FieldProblem;
import dev.relance.templates.EmailTemplateSource;
import dev.relance.templates.SnippetSource;
import dev.relance.templates.TemplateEngine;
import dev.relance.templates.TemplateProblem;
import dev.relance.templates.TemplateSchema;

/** A snippet is checked like a body that includes it: syntax, variables, the snippets it includes, cycles. */
@Component
class SnippetChecks {

    private final TemplateEngine engine;

    SnippetChecks(TemplateEngine engine) {
        this.engine = engine;
    }

    void check(SnippetDraft draft, SnippetSource stored) {
        // The draft is seen under its own name, so that a snippet including itself is caught as a cycle.
        SnippetSource withDraft = name -> name.equals(draft.name()) ? Optional.of(draft.body()) : stored.find(name);
        String probe = "{% snippet \"" + draft.name() + "\" %}";
        List<TemplateProblem> errors = engine.validate(new EmailTemplateSource("snippet", null, probe), true,
                TemplateSchema.lenient(), withDraft).stream().filter(p -> !TemplateProblems.isWarning(p)).toList();
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors.stream().map(p -> new FieldProblem("body", p.message())).toList());
        }
    }
}
