package dev.relance.templates;

/**
 * Something wrong with a template, located where the author can find it.
 *
 * @param part which part of the email: subject, bodyHtml or bodyText
 * @param line 1-based line, or 0 when the problem has no position
 * @param column 1-based column, or 0 when the problem has no position
 * @param message what is wrong, for people
 */
public record TemplateProblem(String part, int line, int column, String message) {

    @Override
    public String toString() {
        return line == 0 ? part + ": " + message : part + " line " + line + ", column " + column + ": " + message;
    }
}
