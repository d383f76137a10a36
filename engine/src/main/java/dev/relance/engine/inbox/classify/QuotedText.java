package dev.relance.engine.inbox.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a person wrote, without the message they answer and without their signature. The text is cut at the
 * first line that starts a quoted message ("On ... wrote:", "Le ... a écrit :", an Outlook header block,
 * a separator), lines quoted with ">" are dropped, and a signature is cut only after some text, so that a
 * one-line answer such as "Merci !" is never lost.
 */
final class QuotedText {

    private static final Pattern ATTRIBUTION_END = Pattern.compile("(?iU)(?:\\bwrote|a écrit|schrieb|escribió)\\s*:\\s*$");
    private static final Pattern ATTRIBUTION_START = Pattern.compile("(?iU)^(?:on|le|am|el)\\s.+");
    private static final Pattern SEPARATOR = Pattern.compile("(?iU)^(?:-{2,}\\s*(?:original message|message d'origine"
            + "|forwarded message|message transféré|ursprüngliche nachricht)\\s*-{2,}.*|_{8,}\\s*|-{8,}\\s*)$");
    private static final Pattern OUTLOOK_FROM = Pattern.compile("(?iU)^\\*?(?:from|de|von)\\s*\\*?\\s*:\\s*\\S.*");
    private static final Pattern OUTLOOK_NEXT = Pattern.compile("(?iU)^\\*?(?:sent|envoyé|date|to|à|subject|objet"
            + "|gesendet|an|betreff|cc)\\s*\\*?\\s*:.*");
    private static final Pattern SIGNATURE = Pattern.compile("(?iU)^(?:--|-- |__)\\s*$|^(?:sent from my|sent from outlook"
            + "|get outlook for|envoyé de mon|envoyé depuis|envoyé à partir de|téléchargez outlook)\\b.*");
    private static final Pattern SIGN_OFF = Pattern.compile("(?iU)(?:(?:bien |très )?cordialement|bien à (?:vous|toi)"
            + "|(?:best|kind|warm|warmest)(?: regards)?|regards|cheers|sincerely|thanks(?: again)?|thank you|many thanks"
            + "|merci(?: beaucoup| d'avance| encore)?|bonne (?:journée|soirée|fin de journée)|à bientôt|salutations"
            + "|sincères salutations|best wishes)[\\s,.!]*");

    private QuotedText() {
    }

    static String strip(String text) {
        if (text == null) {
            return "";
        }
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (startsQuote(lines, i) || (SIGNATURE.matcher(line).matches() && hasText(kept))) {
                break;
            }
            if (isSignOff(line) && hasText(kept)) {
                break;
            }
            if (!line.startsWith(">")) {
                kept.add(lines[i].stripTrailing());
            }
        }
        return String.join("\n", kept).strip();
    }

    private static boolean startsQuote(String[] lines, int i) {
        String line = lines[i].strip();
        if (SEPARATOR.matcher(line).matches()) {
            return true;
        }
        if (ATTRIBUTION_START.matcher(line).matches()) {
            String joined = line + (i + 1 < lines.length ? " " + lines[i + 1].strip() : "");
            if (ATTRIBUTION_END.matcher(line).find() || (line.length() > 20 && ATTRIBUTION_END.matcher(joined).find())) {
                return true;
            }
        }
        if (OUTLOOK_FROM.matcher(line).matches()) {
            for (int next = i + 1; next < Math.min(lines.length, i + 4); next++) {
                if (OUTLOOK_NEXT.matcher(lines[next].strip()).matches()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A short line that closes the message, such as "Cordialement," or "Best regards,". */
    private static boolean isSignOff(String line) {
        return SIGN_OFF.matcher(line).matches();
    }

    private static boolean hasText(List<String> kept) {
        return kept.stream().anyMatch(line -> !line.isBlank());
    }
}
