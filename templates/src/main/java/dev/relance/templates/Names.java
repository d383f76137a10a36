package dev.relance.templates;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Whether a variable a template reads is one the engine fills in, and what the author may have meant. */
final class Names {

    private Names() {
    }

    /** The problem with reading {@code path}, or null when it is known. */
    static String problemWith(List<String> path, Set<String> defined, TemplateSchema schema) {
        String root = path.get(0);
        String field = path.size() > 1 ? path.get(1) : null;
        if (defined.contains(root) || TemplateVariables.LIQUID_DEFINED.contains(root)
                || TemplateVariables.PROSPECT_FIELDS.contains(root) || root.equals(TemplateVariables.UNSUBSCRIBE_URL)
                || root.equals(TemplateVariables.NOW)) {
            return null;
        }
        return switch (root) {
            case TemplateVariables.ACCOUNT -> field == null || TemplateVariables.ACCOUNT_FIELDS.contains(field) ? null
                    : "unknown variable account." + field + hint("account." + field) + " (account has "
                            + String.join(", ", sorted(TemplateVariables.ACCOUNT_FIELDS)) + ")";
            case TemplateVariables.SENDER -> field == null || TemplateVariables.SENDER_FIELDS.contains(field) ? null
                    : "unknown variable sender." + field + hint("sender." + field) + " (sender has "
                            + String.join(", ", sorted(TemplateVariables.SENDER_FIELDS)) + ")";
            case TemplateVariables.CUSTOM -> field == null || schema.knowsCustomField(field) ? null
                    : TemplateProblem.UNKNOWN_CUSTOM_FIELD + " custom." + field + ": no prospect has it yet";
            default -> "unknown variable " + root + hint(root);
        };
    }

    private static String hint(String name) {
        String best = null;
        int bestDistance = Math.min(3, Math.max(2, name.length() / 4 + 1));
        for (String known : knownNames()) {
            int d = distance(name, known);
            if (d < bestDistance) {
                best = known;
                bestDistance = d;
            }
        }
        return best == null ? "" : " (did you mean " + best + "?)";
    }

    private static List<String> knownNames() {
        List<String> names = new ArrayList<>(TemplateVariables.topLevelNames());
        TemplateVariables.ACCOUNT_FIELDS.forEach(f -> names.add("account." + f));
        TemplateVariables.SENDER_FIELDS.forEach(f -> names.add("sender." + f));
        return sorted(names);
    }

    private static List<String> sorted(java.util.Collection<String> names) {
        return names.stream().sorted().toList();
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
