package dev.relance.templates;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The front door of the templates module: validates, compiles and renders Liquid emails.
 *
 * <p>A template is checked when it is saved ({@link #validate}), compiled once per version
 * ({@link #compile}: snippets expanded, spintax turned into Liquid, HTML sanitised, every part parsed
 * once) and the compiled email is rendered for each recipient ({@link #render}) or for a person
 * looking at it ({@link #preview}). One engine is built per application and shared by all threads.
 *
 * <p>Rendering is strict: a variable printed without a {@code default} that is missing or blank
 * stops the message ({@link MissingVariablesException}), but only where that output is actually
 * rendered ({@code {% if title %}{{ title }}{% endif %}} is fine without a title). Values are
 * HTML-escaped in HTML bodies (attributes included); templates reach nothing but the variables:
 * no include, no file, no Java object. Loops, output size and strings built by filters are bounded
 * by {@link TemplateLimits}; the fast path relies on those limits rather than on a time guard.
 *
 * <p>A footer (Liquid, rendered with the same variables, not strict) is appended to the text
 * and, as a small paragraph, to the HTML of every email, unless it renders blank.
 */
public final class TemplateEngine {

    /**
     * The default footer: the sender's postal address when there is one, then the unsubscribe link
     * (in French for French recipients).
     */
    public static final String DEFAULT_FOOTER = """
            {% if sender.postal_address %}{{ sender.postal_address }}
            {% endif %}{% if unsubscribe_url %}{% if __language == "fr" %}Se désinscrire : {{ unsubscribe_url }}\
            {% else %}Unsubscribe: {{ unsubscribe_url }}{% endif %}{% endif %}""";

    private final TemplateLimits limits;
    private final Liquid liquid;
    private final LiquidPart footer;

    /**
     * @param footerLiquid the footer; null for {@link #DEFAULT_FOOTER}, blank for none
     * @throws IllegalArgumentException when the footer is not valid Liquid
     */
    public TemplateEngine(TemplateLimits limits, String footerLiquid) {
        this(limits, footerLiquid, null);
    }

    private TemplateEngine(TemplateLimits limits, String footerLiquid, Duration maxRenderTime) {
        this.limits = limits == null ? TemplateLimits.DEFAULTS : limits;
        this.liquid = new Liquid(this.limits, maxRenderTime, new RichText());
        String footerSource = footerLiquid == null ? DEFAULT_FOOTER : Markers.strip(footerLiquid);
        this.footer = footerSource.isBlank() ? null : compileFooter(footerSource);
    }

    /** An engine with the default limits and footer. */
    public TemplateEngine() {
        this(TemplateLimits.DEFAULTS, null);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Every problem of {@code source}: Liquid syntax (with line and column), an empty or multi-line
     * subject, no body, variables outside {@link TemplateVariables} (unknown custom fields as
     * warnings, see {@link TemplateProblem#isWarning}), unknown or cyclic snippets, include and
     * reserved names, links that are not absolute http(s) URLs, Liquid inside HTML that sanitising
     * removes, sizes over the limits.
     *
     * @param subjectRequired false for a reply-in-thread step, whose subject is "Re: " + the thread's
     */
    public List<TemplateProblem> validate(EmailTemplateSource source, boolean subjectRequired, TemplateSchema schema,
            SnippetSource snippets) {
        Compilation compilation = new Compilation(liquid, limits, schema, snippets);
        compilation.run(source, subjectRequired);
        return List.copyOf(compilation.problems());
    }

    /**
     * Compiles {@code source} once, for rendering many times (custom field keys are not checked: a
     * compiled version must render whatever fields exist by then).
     *
     * @throws TemplateInvalidException with the errors, when {@link #validate} finds any
     */
    public CompiledEmail compile(EmailTemplateSource source, boolean subjectRequired, SnippetSource snippets) {
        Compilation compilation = new Compilation(liquid, limits, TemplateSchema.lenient(), snippets);
        CompiledEmail email = compilation.run(source, subjectRequired);
        if (email == null) {
            List<TemplateProblem> errors = new ArrayList<>();
            compilation.problems().stream().filter(p -> !TemplateProblem.isWarning(p)).forEach(errors::add);
            throw new TemplateInvalidException(errors);
        }
        return email;
    }

    /**
     * Renders {@code email} for one recipient, strictly.
     *
     * @throws MissingVariablesException when a printed variable without a fallback is missing or blank
     * @throws TemplateRenderException when a limit is reached, the subject would carry a line break,
     *     or a link comes out unsafe
     */
    public RenderedEmail render(CompiledEmail email, RenderContext context) {
        return new Rendering(email, context, true).run(footer);
    }

    /**
     * Like {@link #render} for a person looking at the email: missing variables come out empty,
     * a line break in the subject becomes a space, an unsafe link becomes "#", and each is listed
     * in {@link RenderedEmail#warnings()}. Limits still throw {@link TemplateRenderException}.
     */
    public RenderedEmail preview(CompiledEmail email, RenderContext context) {
        return new Rendering(email, context, false).run(footer);
    }

    private LiquidPart compileFooter(String source) {
        try {
            return liquid.compile(Outputs.rewriteAll(source, Outputs.Context.FOOTER, new ArrayList<>()));
        } catch (Liquid.SyntaxError e) {
            throw new IllegalArgumentException("the footer is not valid Liquid: line " + e.line + ", column " + e.column
                    + ": " + e.getMessage(), e);
        }
    }

    /** Builds an engine; every setting has a default. */
    public static final class Builder {

        private TemplateLimits limits = TemplateLimits.DEFAULTS;
        private String footer;
        private Duration maxRenderTime;

        private Builder() {
        }

        public Builder limits(TemplateLimits limits) {
            this.limits = limits;
            return this;
        }

        /** The footer Liquid; null (the default) for {@link #DEFAULT_FOOTER}, blank for none. */
        public Builder footer(String footerLiquid) {
            this.footer = footerLiquid;
            return this;
        }

        /**
         * Renders under Liqp's time guard: each part runs on an executor created for that rendering
         * and is abandoned after {@code maxRenderTime}. Several times slower than the default fast
         * path, whose safety net is the iteration and size limits; kept for comparison (see the
         * rendering benchmark) and for sources no one reviews. Null (the default) for the fast path.
         */
        public Builder guardedRenderTime(Duration maxRenderTime) {
            this.maxRenderTime = maxRenderTime;
            return this;
        }

        public TemplateEngine build() {
            return new TemplateEngine(limits, footer, maxRenderTime);
        }
    }
}
