package dev.relance.templates;

import java.util.List;
import java.util.Optional;

/**
 * Checks an email template when it is saved, so that errors reach the author and not the send.
 * Kept for callers that know no snippets or schema: it is {@link TemplateEngine#validate} with
 * any custom field and any well-formed snippet name accepted. Prefer {@link TemplateEngine#validate}.
 */
public final class TemplateValidator {

    /** Answers every snippet name with an empty snippet: snippets are checked where they are known. */
    private static final SnippetSource ANY_SNIPPET = name -> Optional.of("");
    private static final TemplateEngine ENGINE = new TemplateEngine();

    /**
     * @param subjectRequired false for a reply-in-thread step, whose subject is "Re: " + the thread's
     */
    public List<TemplateProblem> validate(EmailTemplateSource source, boolean subjectRequired) {
        return ENGINE.validate(source, subjectRequired, TemplateSchema.lenient(), ANY_SNIPPET);
    }
}
