package dev.relance.engine.inbox;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.relance.engine.event.EventLog;
import dev.relance.engine.event.EventType;
import dev.relance.engine.inbox.classify.BouncedRecipient;
import dev.relance.engine.inbox.classify.InboundClassifier;
import dev.relance.engine.inbox.classify.InboundKind;
import dev.relance.engine.inbox.classify.InboundVerdict;
import dev.relance.engine.mailbox.InboxReader.InboundMail;

/**
 * Reads one inbound message in one transaction: classify, tie it to our message, record it, apply
 * its effects and move the folder's checkpoint past it. A crash before the commit leaves the
 * checkpoint behind the message, and the next poll reads it again; the record's uniqueness on the
 * folder position makes that second reading a no-op if the first one did commit.
 */
@Component
class InboundProcessor {

    private final InboundClassifier classifier;
    private final Correlator correlator;
    private final InboundStore store;
    private final InboundEffects effects;
    private final Checkpoints checkpoints;
    private final OurMessages ourMessages;
    private final EventLog events;
    private final Clock clock;

    InboundProcessor(InboundClassifier classifier, Correlator correlator, InboundStore store, InboundEffects effects,
            Checkpoints checkpoints, OurMessages ourMessages, EventLog events, Clock clock) {
        this.classifier = classifier;
        this.correlator = correlator;
        this.store = store;
        this.effects = effects;
        this.checkpoints = checkpoints;
        this.ourMessages = ourMessages;
        this.events = events;
        this.clock = clock;
    }

    /** Returns the status the message was recorded with, or empty when it had been recorded before. */
    @Transactional
    public Optional<InboundStatus> process(long mailboxId, String folder, long uidValidity, InboundMail mail) {
        Instant now = clock.instant();
        Instant received = mail.receivedAt() == null ? now : mail.receivedAt();
        InboundVerdict verdict = classifier.classify(mail.raw(), LocalDate.ofInstant(received, ZoneOffset.UTC));
        Optional<InboundStatus> status = record(mailboxId, folder, uidValidity, mail, received, verdict, now);
        checkpoints.save(mailboxId, folder, uidValidity, mail.uid(), now);
        return status;
    }

    private Optional<InboundStatus> record(long mailboxId, String folder, long uidValidity, InboundMail mail,
            Instant received, InboundVerdict verdict, Instant now) {
        String messageIdHeader = verdict.messageId() == null ? null : Correlator.bare(verdict.messageId());
        Row row = new Row(mailboxId, folder, uidValidity, mail, received, verdict, messageIdHeader);
        if (ourMessages.isOurs(messageIdHeader)) {
            return row.insert(store, "OWN_COPY", InboundStatus.IGNORED, null, null, now).map(id -> InboundStatus.IGNORED);
        }
        if (store.alreadyRead(mailboxId, messageIdHeader)) {
            return row.insert(store, verdict.kind().name(), InboundStatus.IGNORED, null, null, now)
                    .map(id -> InboundStatus.IGNORED);
        }
        return switch (verdict.kind()) {
            case UNREADABLE -> row.insert(store, "UNREADABLE", InboundStatus.UNREADABLE, null, null, now)
                    .map(id -> InboundStatus.UNREADABLE);
            case BOUNCE -> bounce(row, now);
            default -> single(row, now);
        };
    }

    private Optional<InboundStatus> bounce(Row row, Instant now) {
        InboundVerdict verdict = row.verdict();
        List<Matched> matched = new ArrayList<>();
        for (BouncedRecipient recipient : verdict.recipients()) {
            correlator.correlate(recipient, verdict, row.mailboxId())
                    .ifPresent(found -> matched.add(new Matched(recipient, found)));
        }
        if (matched.isEmpty()) {
            return row.insert(store, "BOUNCE", InboundStatus.UNMATCHED, null, null, now).map(id -> InboundStatus.UNMATCHED);
        }
        Optional<Long> id = row.insert(store, "BOUNCE", InboundStatus.PROCESSED, matched.getFirst().correlation(), null, now);
        id.ifPresent(inboundId -> {
            List<String> done = new ArrayList<>();
            for (Matched match : matched) {
                done.addAll(effects.bounce(match.recipient(), match.correlation().message(), inboundId));
            }
            store.setEffects(inboundId, done);
        });
        return id.map(x -> InboundStatus.PROCESSED);
    }

    private Optional<InboundStatus> single(Row row, Instant now) {
        InboundVerdict verdict = row.verdict();
        Optional<Correlation> correlation = correlator.correlate(verdict, row.mailboxId());
        if (correlation.isEmpty()) {
            Long prospectId = verdict.kind() == InboundKind.REPLY || verdict.kind() == InboundKind.AUTO_REPLY
                    ? correlator.latestToSender(verdict, row.mailboxId()).map(OurMessage::prospectId).orElse(null)
                    : null;
            return row.insert(store, verdict.kind().name(), InboundStatus.UNMATCHED, null, prospectId, now)
                    .map(id -> InboundStatus.UNMATCHED);
        }
        OurMessage message = correlation.get().message();
        Optional<Long> id = row.insert(store, verdict.kind().name(), InboundStatus.PROCESSED, correlation.get(), null, now);
        id.ifPresent(inboundId -> store.setEffects(inboundId, correlation.get().viaUnsubscribeAddress()
                ? effects.unsubscribeByEmail(message) : switch (verdict.kind()) {
            case COMPLAINT -> effects.complaint(message);
            case AUTO_REPLY -> effects.autoReply(verdict, message);
            case REPLY -> effects.reply(verdict, message);
            default -> delivered(message);
        }));
        return id.map(x -> InboundStatus.PROCESSED);
    }

    private List<String> delivered(OurMessage message) {
        events.appendForMessage(EventType.DELIVERED, message.id(), clock.instant(), null, Map.of());
        return List.of("delivery to " + message.prospectEmail() + " confirmed");
    }

    private record Matched(BouncedRecipient recipient, Correlation correlation) {
    }

    /** What every inbound row shares, whatever its status. */
    private record Row(long mailboxId, String folder, long uidValidity, InboundMail mail, Instant received,
            InboundVerdict verdict, String messageIdHeader) {

        Optional<Long> insert(InboundStore store, String kind, InboundStatus status, Correlation correlation,
                Long prospectId, Instant now) {
            OurMessage message = correlation == null ? null : correlation.message();
            // Our own sent copies and second readings are not kept raw: the first reading or the
            // message table already holds them.
            byte[] raw = status == InboundStatus.IGNORED ? null : mail.raw();
            return store.insert(new NewInbound(mailboxId, folder, uidValidity, mail.uid(), messageIdHeader,
                    verdict.fromAddress(), verdict.subject(), received, kind, status,
                    message == null ? null : message.id(), message == null ? prospectId : (Long) message.prospectId(),
                    message == null ? null : message.enrollmentId(), correlation == null ? null : correlation.method(),
                    verdict, List.of(), raw), now);
        }
    }
}
