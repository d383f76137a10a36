package dev.relance.engine.inbox.classify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The "Name: value" blocks of a message/delivery-status or message/feedback-report body: one block per
 * message or recipient, separated by blank lines, folded lines joined, names lower-cased, first value kept.
 */
final class ReportFields {

    private ReportFields() {
    }

    static List<Map<String, String>> blocks(String body) {
        List<Map<String, String>> blocks = new ArrayList<>();
        Map<String, String> current = new LinkedHashMap<>();
        String lastName = null;
        for (String line : body.split("\\r?\\n")) {
            if (line.isBlank()) {
                if (!current.isEmpty()) {
                    blocks.add(current);
                    current = new LinkedHashMap<>();
                }
                lastName = null;
            } else if ((line.startsWith(" ") || line.startsWith("\t")) && lastName != null) {
                current.merge(lastName, " " + line.trim(), String::concat);
            } else {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    lastName = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                    String value = line.substring(colon + 1).trim();
                    if (current.containsKey(lastName)) {
                        lastName = null;
                    } else {
                        current.put(lastName, value);
                    }
                }
            }
        }
        if (!current.isEmpty()) {
            blocks.add(current);
        }
        return blocks;
    }

    /** "rfc822; a@b.c" or "smtp; 550 ..." without its type prefix. */
    static String withoutType(String value) {
        if (value == null) {
            return null;
        }
        int semicolon = value.indexOf(';');
        return (semicolon >= 0 && semicolon < 12 ? value.substring(semicolon + 1) : value).trim();
    }
}
