package dev.relance.engine.report;

/**
 * Email and engagement counts of a sequence, step or variant over a period (README "Reports" defines each).
 * "opened", "clicked", "replied", "interested" and the bounce counts count messages once; "opens" and
 * "clicks" count every event.
 *
 * @param sent emails accepted by the sending server
 * @param attempted sent + bouncedAtSend
 * @param delivered sent − bouncedAfterSend
 * @param bounced bouncedAtSend + bouncedAfterSend
 * @param bouncedAtSend refused at RCPT (always hard; never counted as sent)
 * @param bouncedAfterSend bounced back by a delivery status notification after sending (hard or soft)
 */
public record Counts(long sent, long attempted, long delivered, long bounced, long bouncedHard, long bouncedSoft,
        long bouncedAtSend, long bouncedAfterSend, long openedHuman, long opensHuman, long openedMachine,
        long opensMachine, long clickedHuman, long clicksHuman, long clickedMachine, long clicksMachine, long replied,
        long interested, long outOfOffice, long unsubscribed, long complained, long meetings) {

    static Counts of(Tally t) {
        long[] v = t.values();
        long sent = v[Tally.SENT];
        long atSend = v[Tally.BOUNCED_AT_SEND];
        long afterSend = v[Tally.BOUNCED_AFTER_SEND];
        return new Counts(sent, sent + atSend, Math.max(0, sent - afterSend), atSend + afterSend, v[Tally.BOUNCED_HARD],
                v[Tally.BOUNCED_SOFT], atSend, afterSend, v[Tally.OPENED_HUMAN], v[Tally.OPENS_HUMAN],
                v[Tally.OPENED_MACHINE], v[Tally.OPENS_MACHINE], v[Tally.CLICKED_HUMAN], v[Tally.CLICKS_HUMAN],
                v[Tally.CLICKED_MACHINE], v[Tally.CLICKS_MACHINE], v[Tally.REPLIED], v[Tally.INTERESTED],
                v[Tally.OUT_OF_OFFICE], v[Tally.UNSUBSCRIBED], v[Tally.COMPLAINED], v[Tally.MEETINGS]);
    }
}
