package dev.relance.engine.task;

import java.util.ArrayList;
import java.util.List;

import dev.relance.engine.support.InvalidInputException;
import dev.relance.engine.support.InvalidInputException.FieldProblem;

/** What a completion must say for the task it closes: a fitting outcome, and for a manual email, an email. */
final class CompletionRules {

    private CompletionRules() {
    }

    /** The given outcome code, or the type's default; refused when it does not fit the type. */
    static OutcomeCode outcomeOf(TaskType type, OutcomeCode given) {
        OutcomeCode code = given != null ? given : type.defaultOutcome();
        if (code == null) {
            throw new InvalidInputException("outcomeCode", "is required to complete a " + type + " task: one of "
                    + type.outcomes());
        }
        if (!type.outcomes().contains(code)) {
            throw new InvalidInputException("outcomeCode", "must be one of " + type.outcomes() + " for a " + type
                    + " task");
        }
        return code;
    }

    /**
     * The email a MANUAL_EMAIL task sends: the draft with the rep's edits (null keeps a part, "" removes
     * a body). Other tasks carry no email, and edits sent for them are refused.
     */
    static DraftEmail emailOf(Task task, TaskCompletion completion) {
        if (task.type() != TaskType.MANUAL_EMAIL) {
            refuseEdits(task, completion);
            return DraftEmail.of(task);
        }
        String subject = completion.subject() != null ? completion.subject().strip() : task.draftSubject();
        String text = completion.bodyText() != null ? blankToNull(completion.bodyText()) : task.draftBodyText();
        String html = completion.bodyHtml() != null ? blankToNull(completion.bodyHtml()) : task.draftBodyHtml();
        List<FieldProblem> problems = new ArrayList<>();
        if (subject == null || subject.isBlank()) {
            problems.add(new FieldProblem("subject", "is required: the email has no subject"));
        } else if (subject.indexOf('\r') >= 0 || subject.indexOf('\n') >= 0) {
            problems.add(new FieldProblem("subject", "must be a single line"));
        }
        if (text == null && html == null) {
            problems.add(new FieldProblem("bodyText", "is required when there is no bodyHtml: the email has no body"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new DraftEmail(subject, text, html);
    }

    private static void refuseEdits(Task task, TaskCompletion completion) {
        List<FieldProblem> problems = new ArrayList<>();
        String reason = "only a MANUAL_EMAIL task carries an email; this one is a " + task.type();
        if (completion.subject() != null) {
            problems.add(new FieldProblem("subject", reason));
        }
        if (completion.bodyText() != null) {
            problems.add(new FieldProblem("bodyText", reason));
        }
        if (completion.bodyHtml() != null) {
            problems.add(new FieldProblem("bodyHtml", reason));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private static String blankToNull(String value) {
        return value.isBlank() ? null : value;
    }
}
