package dev.relance.engine.inbox;

/**
 * A message we sent, with what the effects of an answer to it need: its enrollment, prospect,
 * sequence rules and zones.
 */
record OurMessage(long id, String messageIdHeader, String subject, long enrollmentId, long stepId, long prospectId,
        String prospectEmail, Long accountId, long sequenceId, long ownerId, long mailboxId, boolean stopOnReply,
        boolean stopAccountOnReply, String prospectZone, String mailboxZone) {
}
