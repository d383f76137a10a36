package dev.relance.engine.prospect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import dev.relance.engine.support.InvalidInputException;
import dev.relance.engine.support.InvalidInputException.FieldProblem;
import dev.relance.engine.support.Zones;

/** Domain checks the annotations cannot express, shared by prospects and accounts. */
final class CustomFields {

    /** Keys must be usable in templates as {@code custom.<key>}. */
    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    private static final int MAX_VALUE_LENGTH = 2_000;

    private CustomFields() {
    }

    static List<FieldProblem> check(String field, Map<String, Object> values) {
        List<FieldProblem> problems = new ArrayList<>();
        if (values == null) {
            return problems;
        }
        values.forEach((key, value) -> {
            String path = field + "." + key;
            if (!KEY.matcher(key).matches()) {
                problems.add(new FieldProblem(path, "keys are lower-case letters, digits and '_', starting with a letter"));
            } else if (value != null && !(value instanceof String || value instanceof Number || value instanceof Boolean)) {
                problems.add(new FieldProblem(path, "must be a string, number, boolean or null"));
            } else if (value instanceof String s && s.length() > MAX_VALUE_LENGTH) {
                problems.add(new FieldProblem(path, "must be at most " + MAX_VALUE_LENGTH + " characters"));
            }
        });
        return problems;
    }

    static void checkProspect(ProspectDraft draft) {
        List<FieldProblem> problems = check("customFields", draft.customFields());
        try {
            Zones.parse("timeZone", draft.timeZone());
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
        }
        if (draft.locale() != null && !isKnownLocale(draft.locale())) {
            problems.add(new FieldProblem("locale", "must be a BCP 47 language tag such as fr-FR"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private static boolean isKnownLocale(String tag) {
        Locale locale = Locale.forLanguageTag(tag);
        return !locale.getLanguage().isEmpty() && locale.toLanguageTag().equalsIgnoreCase(tag);
    }
}
