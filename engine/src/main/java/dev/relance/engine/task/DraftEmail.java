package dev.relance.engine.task;

/** The email of a MANUAL_EMAIL task: the rendered draft, then what the rep chose to send. */
record DraftEmail(String subject, String bodyText, String bodyHtml) {

    static DraftEmail of(Task task) {
        return new DraftEmail(task.draftSubject(), task.draftBodyText(), task.draftBodyHtml());
    }
}
