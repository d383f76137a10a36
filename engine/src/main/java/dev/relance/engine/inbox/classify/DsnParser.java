package dev.relance.engine.inbox.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.mail.Part;

/** RFC 3464 delivery status notifications: one entry per recipient block of the message/delivery-status part. */
final class DsnParser {

    private static final Set<String> STATUS_TYPES = Set.of("message/delivery-status", "message/global-delivery-status");
    private static final Set<String> SUCCESS = Set.of("delivered", "relayed", "expanded", "deliverable");

    /** What a DSN says; {@code onlySuccess} when every recipient was delivered, relayed or expanded. */
    record Report(List<BouncedRecipient> recipients, boolean onlySuccess, String humanText) {
    }

    private static final Pattern PASTED_FIELDS = Pattern.compile("(?im)^\\s*(?:reporting-mta|final-recipient"
            + "|original-recipient)\\s*:");

    private DsnParser() {
    }

    /** The report, or null when the message carries no delivery-status part with a recipient. */
    static Report parse(List<Part> leaves, List<String> reasons) {
        Part statusPart = leaves.stream().filter(leaf -> STATUS_TYPES.contains(MimeParts.type(leaf))).findFirst()
                .orElse(null);
        if (statusPart != null) {
            return parse(MimeParts.text(statusPart), humanText(leaves, statusPart), reasons);
        }
        String allText = ReadableText.allPlainText(leaves);
        var pasted = PASTED_FIELDS.matcher(allText);
        if (!pasted.find()) {
            return null;
        }
        Report report = parse(allText.substring(pasted.start()), allText.substring(0, pasted.start()), reasons);
        if (report != null) {
            reasons.set(0, reasons.getFirst() + ", its fields pasted as text");
        }
        return report;
    }

    private static Report parse(String fieldsText, String humanText, List<String> reasons) {
        List<Map<String, String>> blocks = ReportFields.blocks(fieldsText).stream()
                .filter(block -> block.containsKey("final-recipient") || block.containsKey("original-recipient"))
                .filter(block -> block.containsKey("action") || block.containsKey("status"))
                .distinct().toList();
        if (blocks.isEmpty()) {
            return null;
        }
        List<BouncedRecipient> failures = new ArrayList<>();
        List<BouncedRecipient> successes = new ArrayList<>();
        List<String> failureReasons = new ArrayList<>();
        List<String> successReasons = new ArrayList<>();
        for (Map<String, String> block : blocks) {
            String address = Addresses.first(ReportFields.withoutType(
                    block.getOrDefault("final-recipient", block.get("original-recipient"))));
            String action = block.getOrDefault("action", "").toLowerCase(Locale.ROOT).trim();
            String status = preciser(SmtpCodes.statusIn(block.get("status")),
                    SmtpCodes.statusIn(block.get("diagnostic-code")));
            String diagnostic = ReportFields.withoutType(block.get("diagnostic-code"));
            String context = segmentAbout(humanText, address);
            if (block.getOrDefault("diagnostic-code", "").toLowerCase(Locale.ROOT).startsWith("x-unix")) {
                diagnostic = "local mailer program (X-Unix): " + diagnostic;
            }
            if (SUCCESS.contains(action) || (action.isEmpty() && status != null && status.startsWith("2"))) {
                successReasons.add("DSN Action: " + action + " for " + address);
                successes.add(new BouncedRecipient(address, status, SmtpCodes.replyCodeIn(diagnostic), "delivered",
                        false, false, diagnostic));
                continue;
            }
            boolean delayed = action.equals("delayed") || (!action.equals("failed") && status != null
                    && status.startsWith("4"));
            String words = diagnostic == null || diagnostic.isBlank() ? context : diagnostic;
            failures.add(Bounces.recipient(address, status, null, words, context, delayed, failureReasons));
        }
        if (failures.isEmpty()) {
            reasons.add("RFC 3464 delivery status notification with only successful deliveries");
            reasons.addAll(successReasons);
            return new Report(successes, true, humanText);
        }
        reasons.add("RFC 3464 delivery status notification (message/delivery-status)");
        reasons.addAll(failureReasons);
        return new Report(failures, false, humanText);
    }

    /**
     * The receiving server's own code when the reporting MTA's Status only repeats its class (5.0.0) or is its
     * own summary (4.4.7 after a 4.7.1 from the server).
     */
    private static String preciser(String status, String serverStatus) {
        if (status == null || serverStatus == null) {
            return status != null ? status : serverStatus;
        }
        return serverStatus.charAt(0) == status.charAt(0) ? serverStatus : status;
    }

    private static String humanText(List<Part> leaves, Part statusPart) {
        for (Part leaf : leaves) {
            if (leaf == statusPart) {
                return null;
            }
            String type = MimeParts.type(leaf);
            if (type.equals("text/plain")) {
                return MimeParts.text(leaf);
            }
            if (type.equals("text/html")) {
                return HtmlText.toText(MimeParts.text(leaf));
            }
        }
        return null;
    }

    /** The lines of the human-readable part that speak of one recipient, or the whole notification. */
    private static String segmentAbout(String humanText, String address) {
        return PlainBounceParser.segmentAbout(humanText, address);
    }
}
