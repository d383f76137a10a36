package dev.relance.engine.sequence;

/**
 * What ends an enrollment besides its last step, and what is tracked.
 *
 * @param stopOnReply a reply from the prospect stops their enrollment
 * @param stopAccountOnReply a reply from anyone at the prospect's account stops every enrollment of
 *     that account in this sequence
 * @param exclusive a prospect in this sequence may not be live in any other sequence at once
 * @param trackOpens add an open-tracking pixel to HTML emails
 * @param trackClicks rewrite links to count clicks
 */
public record SequenceRules(boolean stopOnReply, boolean stopAccountOnReply, boolean exclusive, boolean trackOpens,
        boolean trackClicks) {

    /** Stop on reply, track opens and clicks, nothing else. */
    public static SequenceRules defaults() {
        return new SequenceRules(true, false, false, true, true);
    }
}
