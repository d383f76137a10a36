package dev.relance.templates;

import java.util.ArrayList;
import java.util.List;

import liqp.TemplateParser;
import liqp.exceptions.LiquidException;

/**
 * Checks an email template when it is saved, so that errors reach the author and not the send:
 * Liquid syntax with line and column, a one-line non-empty subject (a line break in a subject is
 * a header injection), and at least one body.
 */
public final class TemplateValidator {

    private final TemplateParser parser = new TemplateParser.Builder().build();

    /**
     * @param subjectRequired false for a reply-in-thread step, whose subject is "Re: " + the thread's
     */
    public List<TemplateProblem> validate(EmailTemplateSource source, boolean subjectRequired) {
        List<TemplateProblem> problems = new ArrayList<>();
        String subject = source.subject();
        if (subject == null || subject.isBlank()) {
            if (subjectRequired) {
                problems.add(new TemplateProblem("subject", 0, 0, "must not be empty"));
            }
        } else if (subject.indexOf('\r') >= 0 || subject.indexOf('\n') >= 0) {
            problems.add(new TemplateProblem("subject", 0, 0, "must be a single line"));
        } else {
            checkSyntax("subject", subject, problems);
        }
        boolean noHtml = source.bodyHtml() == null || source.bodyHtml().isBlank();
        boolean noText = source.bodyText() == null || source.bodyText().isBlank();
        if (noHtml && noText) {
            problems.add(new TemplateProblem("body", 0, 0, "write an HTML body, a plain-text body, or both"));
        }
        if (!noHtml) {
            checkSyntax("bodyHtml", source.bodyHtml(), problems);
        }
        if (!noText) {
            checkSyntax("bodyText", source.bodyText(), problems);
        }
        return problems;
    }

    private void checkSyntax(String part, String liquid, List<TemplateProblem> problems) {
        try {
            parser.parse(liquid);
        } catch (LiquidException e) {
            problems.add(new TemplateProblem(part, e.line, e.charPositionInLine + 1, firstLine(e.getMessage())));
        } catch (RuntimeException e) {
            problems.add(new TemplateProblem(part, 0, 0, "is not valid Liquid: " + firstLine(e.getMessage())));
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "syntax error";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
