package dev.relance.engine.tracking;

import java.util.Optional;

/** What a signed link points at: the email of one enrollment step. */
public record LinkTarget(long enrollmentId, long stepId) {

    String text() {
        return "e" + enrollmentId + "s" + stepId;
    }

    static Optional<LinkTarget> parse(String text) {
        int s = text.indexOf('s');
        if (!text.startsWith("e") || s < 2) {
            return Optional.empty();
        }
        try {
            return Optional.of(new LinkTarget(Long.parseLong(text.substring(1, s)), Long.parseLong(text.substring(s + 1))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
