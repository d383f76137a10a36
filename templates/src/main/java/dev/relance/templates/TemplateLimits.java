package dev.relance.templates;

/**
 * The safety net of rendering: templates are written by people, so a loop, a doubling
 * {@code append} or a runaway snippet chain must fail one message with a clear error, not the sender.
 *
 * @param maxIterations most loop iterations one part of one email may run
 * @param maxOutputChars most characters one part of one email (or one string built by a filter) may hold
 * @param maxTemplateChars most characters of one part as written, and once its snippets are expanded
 * @param maxSnippetDepth how deep snippets may include snippets
 */
public record TemplateLimits(int maxIterations, int maxOutputChars, int maxTemplateChars, int maxSnippetDepth) {

    /** 10,000 iterations, 512,000 output characters, 200,000 template characters, snippets 5 deep. */
    public static final TemplateLimits DEFAULTS = new TemplateLimits(10_000, 512_000, 200_000, 5);

    public TemplateLimits {
        if (maxIterations < 1 || maxOutputChars < 1 || maxTemplateChars < 1 || maxSnippetDepth < 0) {
            throw new IllegalArgumentException("template limits must be positive: " + maxIterations + ", "
                    + maxOutputChars + ", " + maxTemplateChars + ", " + maxSnippetDepth);
        }
    }

    /** The {@link #DEFAULTS}. */
    public static TemplateLimits defaults() {
        return DEFAULTS;
    }

    public TemplateLimits withMaxIterations(int value) {
        return new TemplateLimits(value, maxOutputChars, maxTemplateChars, maxSnippetDepth);
    }

    public TemplateLimits withMaxOutputChars(int value) {
        return new TemplateLimits(maxIterations, value, maxTemplateChars, maxSnippetDepth);
    }

    public TemplateLimits withMaxTemplateChars(int value) {
        return new TemplateLimits(maxIterations, maxOutputChars, value, maxSnippetDepth);
    }

    public TemplateLimits withMaxSnippetDepth(int value) {
        return new TemplateLimits(maxIterations, maxOutputChars, maxTemplateChars, value);
    }
}
