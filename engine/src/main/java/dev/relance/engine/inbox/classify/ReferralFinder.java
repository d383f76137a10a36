package dev.relance.engine.inbox.classify;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "Talk to Jane Doe", "reach out to jane@x.com", "contactez plutôt Marie Dupont", "je vous mets en copie ...":
 * a pointer to someone else, with the person's name (capitalised words right after the phrase) and address
 * when given. "I'm not the right person" alone is a referral without a name.
 */
final class ReferralFinder {

    record Referral(String phrase, String name, String email) {
    }

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;
    private static final Pattern POINTER = Pattern.compile("(?:\\b(?:talk|speak|reach out|write|get in touch|connect"
            + "|get in contact)\\s+(?:to|with)|\\bcontact|\\b(?:cc'?ing|copying|looping in|adding)"
            + "|\\b(?:i've |i have )?(?:cc'?d|copied|looped in)|the (?:right|best) (?:person|contact)(?: [^.,;\\n]{0,25})? is"
            + "|forward(?:ed|ing)? (?:this|your (?:e-?mail|message)|it) to|\\bcontactez(?:-la|-le)?|\\bcontacter"
            + "|écrivez(?:-lui)?(?: à)?|adressez-vous à|voyez avec|voir avec|rapprochez-vous de|joindre"
            + "|je (?:vous )?mets(?: en copie)?|(?:la bonne personne|la personne en charge|le bon interlocuteur"
            + "|la bonne interlocutrice)(?: [^.,;\\n]{0,25})? est)\\s+", FLAGS);
    private static final Pattern WRONG_PERSON = Pattern.compile("not the (?:right|best|correct) (?:person|contact)"
            + "|wrong person|(?:pas|plus) (?:la bonne personne|le bon interlocuteur|la bonne interlocutrice"
            + "|le bon contact)", FLAGS);
    private static final Pattern FILLER = Pattern.compile("^(?:(?:plutôt|directement|à|with|to|my|our|mon|ma|notre"
            + "|colleague|collègue|manager|boss)\\s+)*", FLAGS);
    private static final Pattern SELF = Pattern.compile("(?:me|us|moi|nous|you|vous)\\b", FLAGS);
    private static final Pattern NAME = Pattern.compile("^\\p{Lu}[\\p{L}'-]+(?:\\s+\\p{Lu}[\\p{L}'-]+){0,2}");
    private static final Set<String> NOT_NAMES = Set.of("I", "We", "You", "He", "She", "They", "The", "Our", "My",
            "Your", "Me", "Us", "Him", "Her", "Them", "Je", "Nous", "Vous", "Il", "Elle", "Le", "La", "Les", "Mon",
            "Ma", "Notre", "Thanks", "Merci", "Bonjour", "Hi", "Hello", "Someone", "Quelqu'un", "Sales", "This", "It");

    /** The first referral in the text, or null. */
    Referral find(String text) {
        Matcher pointer = POINTER.matcher(text);
        while (pointer.find()) {
            String rest = restOfSentence(text, pointer.end());
            if (SELF.matcher(rest).lookingAt()) {
                continue;
            }
            String name = name(FILLER.matcher(rest).replaceFirst(""));
            String email = Addresses.first(rest.length() > 80 ? rest.substring(0, 80) : rest);
            if (name != null || email != null) {
                return new Referral(pointer.group().strip() + " " + (name != null ? name : email), name, email);
            }
        }
        Matcher wrongPerson = WRONG_PERSON.matcher(text);
        return wrongPerson.find() ? new Referral(wrongPerson.group(), null, null) : null;
    }

    private static String restOfSentence(String text, int from) {
        int end = from;
        while (end < text.length() && text.charAt(end) != '\n'
                && !(".!?;".indexOf(text.charAt(end)) >= 0 && (end + 1 == text.length()
                        || Character.isWhitespace(text.charAt(end + 1))))) {
            end++;
        }
        return text.substring(from, end);
    }

    private static String name(String rest) {
        Matcher matcher = NAME.matcher(rest);
        if (!matcher.find()) {
            return null;
        }
        List<String> words = List.of(matcher.group().split("\\s+"));
        return NOT_NAMES.contains(words.getFirst()) ? null : String.join(" ", words);
    }
}
