package dev.relance.engine.inbox.classify;

import java.time.LocalDate;
import java.util.List;

/**
 * What the classifier made of one inbound message.
 *
 * @param fromAddress the sender's address, lower-cased, or null
 * @param normalizedSubject the subject without reply and forward prefixes, see
 *        {@link InboundClassifier#normalizeSubject(String)}
 * @param referencedMessageIds Message-IDs (without angle brackets) this message points at, most specific first:
 *        In-Reply-To, References from last to first, then the Message-ID of the original message a report
 *        carries
 * @param recipients the failed (or reported) recipients of a bounce, delivery report or complaint
 * @param returnDate for an auto-reply, the first day the person is expected back, or null
 * @param replyText for a reply, what the person wrote, without quoted text and signature
 * @param intent for a reply only, else null
 * @param reasons why the classifier decided as it did, in words a user can check
 */
public record InboundVerdict(InboundKind kind, String fromAddress, String subject, String normalizedSubject,
        String messageId, List<String> referencedMessageIds, List<BouncedRecipient> recipients, LocalDate returnDate,
        String replyText, IntentVerdict intent, List<String> reasons) {

    public InboundVerdict {
        referencedMessageIds = List.copyOf(referencedMessageIds);
        recipients = List.copyOf(recipients);
        reasons = List.copyOf(reasons);
    }
}
