package dev.relance.engine.inbox.classify;

import java.util.Locale;
import java.util.regex.Pattern;

/** Subjects compared without the reply and forward prefixes mail clients add, in any language we meet. */
final class SubjectPrefixes {

    private static final Pattern PREFIX = Pattern.compile("^\\s*(?:\\[[^\\]]{0,20}\\]\\s*)?(?:re|aw|tr|fwd?|fw|réf"
            + "|ref|rép|rep|wg|sv|vs|antw|rif|odp|res|enc|答复|回复|转发)\\s*(?:\\[\\d+\\]|\\(\\d+\\))?\\s*[:：]\\s*",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private SubjectPrefixes() {
    }

    static String normalize(String subject) {
        if (subject == null) {
            return "";
        }
        String rest = subject.replace('\u00A0', ' ');
        String previous;
        do {
            previous = rest;
            rest = PREFIX.matcher(rest).replaceFirst("");
        } while (!rest.equals(previous));
        return rest.replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
    }
}
