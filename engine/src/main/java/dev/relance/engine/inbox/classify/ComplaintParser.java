package dev.relance.engine.inbox.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.mail.Part;

/**
 * Complaints: ARF feedback reports (RFC 5965), the plain "complaint about message" forwards some mailbox
 * providers send instead, and unsubscribes that a mail client sends on its own (RFC 8058 / RFC 2369 mailto).
 */
final class ComplaintParser {

    private static final Pattern COMPLAINT_SUBJECT = Pattern.compile("(?i)(complaint|abuse report|spam report"
            + "|feedback report|reported as spam)");
    private static final List<String> ORIGINAL_RECIPIENT_HEADERS = List.of("X-HmXmrOriginalRecipient",
            "X-Original-To", "Delivered-To");

    private ComplaintParser() {
    }

    /** The complained-about recipients, or null when the message is not a complaint. */
    static List<BouncedRecipient> parse(Part message, List<Part> leaves, String subject, String fromAddress,
            OriginalMessage original, List<String> reasons) {
        Part feedback = leaves.stream().filter(leaf -> MimeParts.type(leaf).equals("message/feedback-report"))
                .findFirst().orElse(null);
        if (feedback != null) {
            return arf(feedback, original, reasons);
        }
        boolean attachesMessage = leaves.stream().anyMatch(leaf -> MimeParts.type(leaf).equals("message/rfc822"));
        if (attachesMessage && subject != null && COMPLAINT_SUBJECT.matcher(subject).find()) {
            reasons.add("subject \"" + subject.trim() + "\" with the original message attached: a provider complaint");
            return List.of(complained(originalRecipient(leaves, original), "complaint"));
        }
        if (AutoReplyDetector.autoSubmitted(message) != null && subject != null
                && InboundClassifier.normalizeSubject(subject).equals("unsubscribe")) {
            reasons.add("automatically sent \"unsubscribe\" message (mail client acting on List-Unsubscribe)");
            return List.of(complained(fromAddress, "unsubscribe"));
        }
        return null;
    }

    private static List<BouncedRecipient> arf(Part feedback, OriginalMessage original, List<String> reasons) {
        List<Map<String, String>> blocks = ReportFields.blocks(MimeParts.text(feedback));
        Map<String, String> fields = blocks.isEmpty() ? Map.of() : blocks.getFirst();
        String type = fields.getOrDefault("feedback-type", "abuse").trim();
        reasons.add("ARF feedback report (RFC 5965), Feedback-Type: " + type);
        List<String> recipients = new ArrayList<>();
        for (String field : List.of("original-rcpt-to", "removal-recipient")) {
            for (Map<String, String> block : blocks) {
                Addresses.all(block.get(field)).stream().filter(a -> !recipients.contains(a)).forEach(recipients::add);
            }
        }
        if (recipients.isEmpty()) {
            Addresses.all(original.to()).forEach(recipients::add);
        }
        if (recipients.isEmpty()) {
            return List.of(complained(null, type));
        }
        return recipients.stream().map(recipient -> complained(recipient, type)).toList();
    }

    private static String originalRecipient(List<Part> leaves, OriginalMessage original) {
        for (Part leaf : leaves) {
            if (MimeParts.type(leaf).equals("message/rfc822")) {
                var attached = MimeParts.attachedMessage(leaf);
                for (String header : ORIGINAL_RECIPIENT_HEADERS) {
                    String address = attached == null ? null : Addresses.first(MimeParts.header(attached, header));
                    if (address != null) {
                        return address;
                    }
                }
            }
        }
        return Addresses.first(original.to());
    }

    private static BouncedRecipient complained(String recipient, String feedbackType) {
        return new BouncedRecipient(recipient, null, null, "feedback", false, false, feedbackType);
    }
}
