package dev.relance.engine.inbox.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Deterministic English and French phrase rules. Precedence, first that applies:
 * unsubscribe request, referral, not interested, interested, question, neutral. A referral outranks "not
 * interested" because "not for me, talk to Jane" hands over a lead; both stop the sequence for this person.
 * An interest phrase preceded in its sentence by a negation ("not", "n't", "pas", "ne") is ignored.
 */
final class RuleBasedIntent implements ReplyIntentRules {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;
    private static final Pattern UNSUBSCRIBE = phrases("remove me|unsubscribe|stop (?:e-?mailing|sending|contacting"
            + "|writing|messaging)|take me off|opt me out|opt[- ]out|do not (?:contact|e-?mail|write to) me"
            + "|don't (?:contact|e-?mail|write to) me|no more e-?mails|ne plus me (?:contacter|solliciter|écrire|relancer)"
            + "|ne me (?:contactez|écrivez|sollicitez|relancez) plus|désinscri|desinscri|désabonn|desabonn"
            + "|retirez[- ]moi|supprimez[- ]moi|enlevez[- ]moi|arrêtez de m'(?:écrire|envoyer|contacter|relancer)");
    private static final Pattern ONLY_STOP = Pattern.compile("(?i)^\\s*stop\\W*$");
    private static final Pattern NOT_INTERESTED = phrases("not (?:really |very |that |particularly |too |currently )?interested|no longer interested|no thanks|no thank you"
            + "|not a (?:good )?fit|not a priority|not for us|not for me|we're all set|we are all set|don't need"
            + "|do not need|no need|not looking|pass on this|i'll pass|we'll pass|not at this time|not right now"
            + "|not the right time|pas (?:vraiment |très |du tout )?intéress|pas interess|ne (?:nous|m') ?intéresse pas|ne m'intéresse pas"
            + "|non merci|pas pour nous|pas pour moi|pas besoin|pas le moment|pas d'actualité|aucun besoin"
            + "|nous avons déjà|on a déjà|pas prioritaire|pas intéressés");
    private static final Pattern INTERESTED = phrases("sounds (?:good|great|interesting)|let's (?:talk|chat|connect"
            + "|meet|schedule|set up|discuss|do it)|book a (?:call|meeting|demo|time)|schedule a (?:call|meeting|demo)"
            + "|set up a (?:call|meeting|time)|happy to (?:chat|talk|meet|discuss|learn)|send me (?:more|some|the|info)"
            + "|tell me more|more info|interested|count me in|yes,? please|i'd love to|would love to"
            + "|available (?:on|next|this|tomorrow|for a call)|free (?:on|next|this|tomorrow)|intéressée?s?|interessee?"
            + "|intéressant|m'intéresse|ca m'interesse|dispo(?:nible)?s? (?:lundi|mardi|mercredi|jeudi|vendredi|demain"
            + "|la semaine|cette semaine|pour|le)|on peut en (?:parler|discuter)|on peut (?:s'appeler|échanger"
            + "|se parler)|parlons-en|appelez-moi|call me|je suis partant|volontiers|envoyez-moi"
            + "|prenons (?:rendez-vous|rdv)|caler un (?:appel|call|créneau|rdv|rendez-vous)|avec plaisir"
            + "|pourquoi pas|what times? works");
    private static final Pattern NEGATION = Pattern.compile("(?iU)\\b(?:not|no|never|pas|ne|jamais)\\b|n't|\\bn'");
    private static final Pattern QUESTION = phrases("how much|combien|pricing|price|cost|quel (?:est )?(?:le )?"
            + "(?:prix|tarif|coût)|tarifs?");

    private final ReferralFinder referrals = new ReferralFinder();

    private static Pattern phrases(String alternatives) {
        return Pattern.compile("(?:" + alternatives + ")", FLAGS);
    }

    @Override
    public IntentVerdict classify(String replyText, String subject) {
        String text = replyText == null ? "" : replyText.replace('\u2019', '\'');
        String title = subject == null ? "" : subject.replace('\u2019', '\'');
        List<String> reasons = new ArrayList<>();
        String unsubscribe = firstOf(UNSUBSCRIBE, text + "\n" + title);
        if (unsubscribe != null || ONLY_STOP.matcher(text).matches()) {
            reasons.add("unsubscribe request: \"" + (unsubscribe == null ? text.strip() : unsubscribe) + "\"");
            return new IntentVerdict(ReplyIntent.UNSUBSCRIBE_REQUEST, null, null, reasons);
        }
        ReferralFinder.Referral referral = referrals.find(text);
        if (referral != null) {
            reasons.add("referral: \"" + referral.phrase() + "\"");
            return new IntentVerdict(ReplyIntent.REFERRAL, referral.name(), referral.email(), reasons);
        }
        String refusal = firstOf(NOT_INTERESTED, text);
        if (refusal != null) {
            reasons.add("not interested: \"" + refusal + "\"");
            return new IntentVerdict(ReplyIntent.NOT_INTERESTED, null, null, reasons);
        }
        String interest = firstUnnegated(text, reasons);
        if (interest != null) {
            reasons.add("interested: \"" + interest + "\"");
            return new IntentVerdict(ReplyIntent.INTERESTED, null, null, reasons);
        }
        String question = text.contains("?") ? "?" : firstOf(QUESTION, text);
        if (question != null) {
            reasons.add("question: \"" + question + "\"");
            return new IntentVerdict(ReplyIntent.QUESTION, null, null, reasons);
        }
        reasons.add("no phrase of interest, refusal, referral, unsubscribe or question");
        return new IntentVerdict(ReplyIntent.NEUTRAL, null, null, reasons);
    }

    private static String firstOf(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? matcher.group() : null;
    }

    private static String firstUnnegated(String text, List<String> reasons) {
        Matcher matcher = INTERESTED.matcher(text);
        while (matcher.find()) {
            String before = sentenceBefore(text, matcher.start());
            Matcher negation = NEGATION.matcher(before);
            if (negation.find()) {
                reasons.add("ignored \"" + matcher.group() + "\": negated by \"" + negation.group().strip() + "\"");
            } else {
                return matcher.group();
            }
        }
        return null;
    }

    /** Up to four words before a phrase, within its sentence. */
    private static String sentenceBefore(String text, int position) {
        int start = position;
        while (start > 0 && ".!?;\n".indexOf(text.charAt(start - 1)) < 0) {
            start--;
        }
        String[] words = text.substring(start, position).strip().split("\\s+");
        int from = Math.max(0, words.length - 4);
        return String.join(" ", java.util.Arrays.copyOfRange(words, from, words.length));
    }
}
