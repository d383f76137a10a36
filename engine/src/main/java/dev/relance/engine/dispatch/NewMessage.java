package dev.relance.engine.dispatch;

/** The content of a message about to be sent, as it is recorded before sending. */
record NewMessage(long enrollmentId, long stepId, Long variantId, Long templateVersionId, long mailboxId, long prospectId,
        String messageIdHeader, String inReplyTo, String references, String subject, String bodyHtml, String bodyText,
        Long threadRootId) {
}
