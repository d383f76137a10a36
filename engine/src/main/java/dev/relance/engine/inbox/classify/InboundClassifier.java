package dev.relance.engine.inbox.classify;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/**
 * Tells what an inbound message is: bounce, delivery report, complaint, auto-reply or human reply, with the
 * recipients, return date, reply text and intent that go with it, and the reasons for the verdict.
 * Reports are recognised before automatic-reply headers, since most bounces carry Auto-Submitted too.
 * Thread-safe and reusable; never throws on bad input.
 */
public final class InboundClassifier {

    private static final List<String> MAIL_HEADERS = List.of("From", "Date", "Subject", "Message-ID", "Received",
            "Content-Type", "To", "Return-Path");

    private final ReplyIntentRules intentRules;

    /** A classifier with the built-in English and French intent rules. */
    public InboundClassifier() {
        this(new RuleBasedIntent());
    }

    public InboundClassifier(ReplyIntentRules intentRules) {
        this.intentRules = Objects.requireNonNull(intentRules, "intentRules");
    }

    /**
     * A subject reduced for matching a reply whose threading headers were stripped: any number of "Re:",
     * "RE :", "AW:", "TR:", "Fwd:", "FW:", "Réf :" prefixes removed, whitespace collapsed, lower-cased.
     */
    public static String normalizeSubject(String subject) {
        return SubjectPrefixes.normalize(subject);
    }

    /**
     * @param rawMessage the message as received (RFC 5322 bytes)
     * @param receivedOn the day it arrived, for return dates given without a year or as a weekday
     */
    public InboundVerdict classify(byte[] rawMessage, LocalDate receivedOn) {
        try {
            String unreadable = RawMessages.whyUnreadable(rawMessage);
            if (unreadable != null) {
                return unreadable(unreadable);
            }
            MimeMessage message = MimeParts.parse(rawMessage);
            if (MAIL_HEADERS.stream().allMatch(name -> MimeParts.header(message, name) == null)) {
                return unreadable("no mail header (From, Date, Subject, Message-ID...) could be read");
            }
            return classify(message, receivedOn);
        } catch (Exception | StackOverflowError e) {
            return unreadable("the message could not be parsed: " + e.getClass().getSimpleName());
        }
    }

    private InboundVerdict classify(MimeMessage message, LocalDate receivedOn) {
        Envelope envelope = Envelope.of(message);
        List<Part> leaves = MimeParts.leaves(message);
        OriginalMessage original = OriginalMessage.attachedIn(leaves);
        List<String> reasons = new ArrayList<>();

        List<BouncedRecipient> complained = ComplaintParser.parse(message, leaves, envelope.subject(),
                envelope.from(), original, reasons);
        if (complained != null) {
            return envelope.verdict(InboundKind.COMPLAINT, ids(message, original), complained, reasons);
        }
        DsnParser.Report report = DsnParser.parse(leaves, reasons);
        if (report != null) {
            OriginalMessage fromText = report.humanText() == null ? OriginalMessage.NONE
                    : OriginalMessage.pastedIn(PlainBounceParser.afterNotification(report.humanText()));
            InboundKind kind = report.onlySuccess() ? InboundKind.DELIVERY_REPORT : InboundKind.BOUNCE;
            return envelope.verdict(kind, ids(message, original.or(fromText)), report.recipients(), reasons);
        }
        String notification = PlainBounceParser.notification(leaves);
        if (PlainBounceParser.looksLikeBounce(message, MimeParts.header(message, "From"), envelope.subject(),
                notification)) {
            OriginalMessage pasted = OriginalMessage.pastedIn(PlainBounceParser.afterNotification(
                    ReadableText.allPlainText(leaves)));
            OriginalMessage returned = original.or(pasted);
            reasons.add("non-standard bounce: sent by a mail system, with delivery failure wording");
            List<BouncedRecipient> recipients = PlainBounceParser.parse(message, notification, envelope.from(),
                    returned, reasons);
            return envelope.verdict(InboundKind.BOUNCE, ids(message, returned), recipients, reasons);
        }
        String body = ReadableText.body(leaves);
        String replyText = QuotedText.strip(body);
        String automatic = AutoReplyDetector.reason(message, envelope.subject(), body);
        if (automatic != null) {
            reasons.add(automatic);
            ReturnDates.Found back = ReturnDates.find(body, receivedOn);
            if (back != null) {
                reasons.add("return date " + back.date() + " from " + back.because());
            }
            return new InboundVerdict(InboundKind.AUTO_REPLY, envelope.from(), envelope.subject(),
                    normalizeSubject(envelope.subject()), envelope.messageId(), ids(message, original), List.of(),
                    back == null ? null : back.date(), replyText, null, reasons);
        }
        IntentVerdict intent = intentRules.classify(replyText, envelope.subject());
        reasons.add("readable mail with no report or automatic-reply marker: a human reply");
        return new InboundVerdict(InboundKind.REPLY, envelope.from(), envelope.subject(),
                normalizeSubject(envelope.subject()), envelope.messageId(), ids(message, original), List.of(), null,
                replyText, intent, reasons);
    }

    /** In-Reply-To, then References from the last, then the original message a report carries. */
    private static List<String> ids(MimeMessage message, OriginalMessage original) {
        Set<String> ids = new LinkedHashSet<>(Addresses.messageIds(MimeParts.header(message, "In-Reply-To")));
        List<String> references = new ArrayList<>(Addresses.messageIds(MimeParts.header(message, "References")));
        ids.addAll(references.reversed());
        if (original.messageId() != null) {
            ids.add(original.messageId());
        }
        return List.copyOf(ids);
    }

    private static InboundVerdict unreadable(String why) {
        return new InboundVerdict(InboundKind.UNREADABLE, null, null, "", null, List.of(), List.of(), null, null,
                null, List.of(why));
    }

    /** The identity of a message, shared by every verdict. */
    private record Envelope(String from, String subject, String messageId) {

        static Envelope of(MimeMessage message) {
            List<String> ids = Addresses.messageIds(MimeParts.header(message, "Message-ID"));
            return new Envelope(Addresses.first(MimeParts.header(message, "From")), MimeParts.header(message, "Subject"),
                    ids.isEmpty() ? null : ids.getFirst());
        }

        InboundVerdict verdict(InboundKind kind, List<String> ids, List<BouncedRecipient> recipients,
                List<String> reasons) {
            return new InboundVerdict(kind, from, subject, normalizeSubject(subject), messageId, ids, recipients, null,
                    null, null, reasons);
        }
    }
}
