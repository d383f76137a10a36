package dev.relance.engine.inbox;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import dev.relance.engine.inbox.classify.BouncedRecipient;
import dev.relance.engine.inbox.classify.InboundClassifier;
import dev.relance.engine.inbox.classify.InboundKind;
import dev.relance.engine.inbox.classify.InboundVerdict;
import dev.relance.engine.tracking.TokenPurpose;
import dev.relance.engine.tracking.TrackingLinks;

/**
 * Ties an inbound message to the message of ours it is about. Threading and report headers come
 * first (the Message-IDs we wrote); then what survives clients that rewrite headers: the address a
 * bounce names, the sender of an auto-reply, the sender plus the normalised subject of a reply.
 */
@Component
class Correlator {

    /** How many of the latest messages to a sender a subject is compared with. */
    private static final int SUBJECT_CANDIDATES = 20;
    private static final Pattern MAILTO_UNSUBSCRIBE = Pattern.compile("(?i)^\\s*unsubscribe\\s+(\\S+)\\s*$");

    private final OurMessages messages;
    private final TrackingLinks links;

    Correlator(OurMessages messages, TrackingLinks links) {
        this.messages = messages;
        this.links = links;
    }

    /**
     * For every kind but bounces: the one message this is about. An email to our List-Unsubscribe
     * address comes first, whatever it looks like (some clients send it as an auto-submitted message).
     */
    Optional<Correlation> correlate(InboundVerdict verdict, long mailboxId) {
        Optional<Correlation> known = byUnsubscribeSubject(verdict).or(() -> byHeaders(verdict));
        if (known.isPresent()) {
            return known;
        }
        return switch (verdict.kind()) {
            case REPLY -> bySenderAndSubject(verdict, mailboxId);
            case AUTO_REPLY -> messages.latestTo(verdict.fromAddress(), mailboxId)
                    .map(message -> new Correlation(message, "sender address"));
            case COMPLAINT, DELIVERY_REPORT -> verdict.recipients().stream().findFirst()
                    .flatMap(recipient -> messages.latestTo(recipient.recipient(), mailboxId))
                    .map(message -> new Correlation(message, "recipient address"));
            default -> Optional.empty();
        };
    }

    /** For a bounce: the message each failed recipient was sent, when found. */
    Optional<Correlation> correlate(BouncedRecipient recipient, InboundVerdict verdict, long mailboxId) {
        Optional<Correlation> byHeaders = byHeaders(verdict)
                .filter(found -> verdict.recipients().size() == 1 || recipient.recipient() == null
                        || found.message().prospectEmail().equalsIgnoreCase(recipient.recipient()));
        if (byHeaders.isPresent()) {
            return byHeaders;
        }
        return messages.latestTo(recipient.recipient(), mailboxId)
                .map(message -> new Correlation(message, "recipient address"));
    }

    /** The prospect a sender is, when they got a message from this mailbox, for the review list. */
    Optional<OurMessage> latestToSender(InboundVerdict verdict, long mailboxId) {
        return messages.latestTo(verdict.fromAddress(), mailboxId);
    }

    private Optional<Correlation> byHeaders(InboundVerdict verdict) {
        List<String> wanted = verdict.referencedMessageIds().stream().map(Correlator::bare).filter(id -> !id.isEmpty())
                .distinct().toList();
        Map<String, OurMessage> found = messages.withHeaders(wanted).stream()
                .collect(Collectors.toMap(OurMessage::messageIdHeader, Function.identity(), (a, b) -> a));
        String method = verdict.kind() == InboundKind.REPLY || verdict.kind() == InboundKind.AUTO_REPLY
                ? "threading headers" : "original message in the report";
        return wanted.stream().filter(found::containsKey).findFirst()
                .map(header -> new Correlation(found.get(header), method));
    }

    private Optional<Correlation> bySenderAndSubject(InboundVerdict verdict, long mailboxId) {
        String subject = InboundClassifier.normalizeSubject(verdict.subject());
        if (subject.isEmpty()) {
            return Optional.empty();
        }
        return messages.latestTo(verdict.fromAddress(), mailboxId, SUBJECT_CANDIDATES).stream()
                .filter(message -> InboundClassifier.normalizeSubject(message.subject()).equals(subject))
                .findFirst().map(message -> new Correlation(message, "sender and subject"));
    }

    // The mailto: of List-Unsubscribe sends "unsubscribe <token>" as the subject.
    private Optional<Correlation> byUnsubscribeSubject(InboundVerdict verdict) {
        Matcher matcher = MAILTO_UNSUBSCRIBE.matcher(verdict.subject() == null ? "" : verdict.subject());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return links.verify(matcher.group(1), TokenPurpose.UNSUBSCRIBE)
                .flatMap(target -> messages.ofStep(target.enrollmentId(), target.stepId()))
                .map(message -> new Correlation(message, Correlation.UNSUBSCRIBE_ADDRESS));
    }

    static String bare(String messageId) {
        String id = messageId == null ? "" : messageId.strip();
        if (id.startsWith("<") && id.endsWith(">")) {
            id = id.substring(1, id.length() - 1).strip();
        }
        return id;
    }
}
