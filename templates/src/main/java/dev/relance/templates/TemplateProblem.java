package dev.relance.templates;

/**
 * Something wrong with a template, located where the author can find it.
 *
 * @param part which part of the email: subject, bodyHtml or bodyText
 * @param line 1-based line, or 0 when the problem has no position
 * @param column 1-based column, or 0 when the problem has no position
 * @param message what is wrong, for people. A message that starts with {@value #UNKNOWN_CUSTOM_FIELD} is a
 *     warning (see {@link #isWarning}); every other problem is an error that refuses the template.
 */
public record TemplateProblem(String part, int line, int column, String message) {

    /** How a warning about a custom field no prospect has (yet) starts. */
    public static final String UNKNOWN_CUSTOM_FIELD = "unknown custom field";

    /**
     * Whether {@code problem} is only a warning: a {@code custom.<key>} that the schema does not know
     * (the next import may bring it, and strict rendering still stops a message that would print it
     * empty). Warnings are reported by validation but never refuse a save or a compilation.
     */
    public static boolean isWarning(TemplateProblem problem) {
        return problem.message().startsWith(UNKNOWN_CUSTOM_FIELD);
    }

    @Override
    public String toString() {
        return line == 0 ? part + ": " + message : part + " line " + line + ", column " + column + ": " + message;
    }
}
