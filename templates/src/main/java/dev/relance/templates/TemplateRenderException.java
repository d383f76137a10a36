package dev.relance.templates;

/**
 * One rendering was refused: a limit was reached, data would inject a header or an unsafe link, or
 * Liquid failed on this recipient's values. The message says which, for people; the engine puts
 * the enrollment aside instead of sending. Missing variables have their own
 * {@link MissingVariablesException}.
 */
public class TemplateRenderException extends RuntimeException {

    /** Why a rendering was refused. */
    public enum Reason {
        /** More loop iterations than {@link TemplateLimits#maxIterations()}. */
        ITERATION_LIMIT,
        /** More characters than {@link TemplateLimits#maxOutputChars()}. */
        OUTPUT_LIMIT,
        /** Longer than the engine's render time limit (guarded rendering only). */
        TIME_LIMIT,
        /** The subject came out with a line break (from data): a header injection. */
        HEADER_INJECTION,
        /** The subject came out blank. */
        BLANK_SUBJECT,
        /** A link or image came out as something other than an absolute http(s) (or mailto) URL. */
        UNSAFE_LINK,
        /** Liquid itself failed on these values (comparing a text with a number...). */
        LIQUID_ERROR
    }

    private final Reason reason;

    public TemplateRenderException(Reason reason, String message) {
        this(reason, message, null);
    }

    public TemplateRenderException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
