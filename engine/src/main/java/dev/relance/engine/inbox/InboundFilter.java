package dev.relance.engine.inbox;

/**
 * Which inbound messages to list; null fields do not filter.
 *
 * @param status UNMATCHED or UNREADABLE for the review list
 * @param mailboxOwnerId only the mailboxes of this user (an SDR's view)
 */
public record InboundFilter(InboundStatus status, Long mailboxId, Long mailboxOwnerId) {
}
