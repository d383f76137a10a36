package dev.relance.engine.inbox;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.relance.engine.inbox.classify.InboundClassifier;
import dev.relance.engine.inbox.classify.InboundVerdict;
import dev.relance.engine.support.ConflictException;
import dev.relance.engine.support.NotFoundException;
import dev.relance.engine.support.Page;
import dev.relance.engine.support.PageRequest;

/**
 * The inbox as people see it: every message read, the review list of those tied to nothing, and
 * the classifier's verdict on any raw message, explained.
 */
@Service
public class InboxService {

    private final InboundStore inbound;
    private final InboundClassifier classifier;
    private final Clock clock;

    InboxService(InboundStore inbound, InboundClassifier classifier, Clock clock) {
        this.inbound = inbound;
        this.classifier = classifier;
        this.clock = clock;
    }

    /** The verdict on a raw RFC 5322 message, with its reasons; nothing is recorded. */
    public InboundVerdict classify(byte[] raw) {
        return classifier.classify(raw, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
    }

    /** Newest first; status UNMATCHED or UNREADABLE is the review list. */
    public Page<InboundMessage> list(PageRequest page, InboundFilter filter) {
        return Page.of(inbound.list(page, filter), page, InboundMessage::id);
    }

    public InboundMessage get(long id) {
        return inbound.get(id).orElseThrow(() -> new NotFoundException("inbound message", id));
    }

    /** The message as it was received, byte for byte; empty for ignored ones (own copies, second readings). */
    public byte[] raw(long id) {
        get(id);
        byte[] raw = inbound.raw(id).orElse(null);
        if (raw == null) {
            throw new NotFoundException("raw inbound message", id);
        }
        return raw;
    }

    /** Takes a message off the review list once a person has dealt with it. */
    @Transactional
    public InboundMessage markReviewed(long id) {
        InboundMessage current = get(id);
        if (!inbound.markReviewed(id)) {
            throw new ConflictException("not-in-review", "inbound message " + id + " is " + current.status()
                    + ", not waiting for review");
        }
        return get(id);
    }
}
