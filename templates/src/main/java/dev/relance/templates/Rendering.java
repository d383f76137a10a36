package dev.relance.templates;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeoutException;

import liqp.TemplateContext;
import liqp.exceptions.ExceededMaxIterationsException;

/**
 * One rendering of a compiled email for one recipient: the parts through Liquid, then small string
 * work only (link markers, text tidying, the footer). Strict renderings throw; previews carry on
 * and say what they would have refused in {@link RenderedEmail#warnings()}.
 */
final class Rendering {

    private static final String LANGUAGE = "__language";

    private final CompiledEmail email;
    private final boolean strict;
    private final List<String> warnings = new ArrayList<>(0);
    private final RenderState state;
    private final Map<String, Object> given;
    private final Map<String, Object> extra;
    private TemplateContext context;

    Rendering(CompiledEmail email, RenderContext context, boolean strict) {
        Objects.requireNonNull(context.now(), "the render context needs the engine's clock instant (now)");
        this.email = email;
        this.strict = strict;
        ZoneId zone = context.zone() == null ? ZoneOffset.UTC : context.zone();
        Locale locale = context.locale() == null ? Locale.ENGLISH : context.locale();
        String now = context.now().toString();
        this.state = new RenderState(email.requiredNames, zone, locale, context.now().atZone(zone), now);
        this.given = context.variables() == null ? Map.of() : context.variables();
        this.extra = new HashMap<>(email.spinArities.length + 8);
        extra.put(TemplateVariables.NOW, now);
        extra.put(RenderState.KEY, state);
        extra.put(LANGUAGE, locale.getLanguage());
        for (int k = 0; k < email.spinArities.length; k++) {
            extra.put(email.spinNames[k], Spintax.choice(context.spinSeed(), k, email.spinArities[k]));
        }
    }

    private Map<String, Object> merged() {
        Map<String, Object> all = new HashMap<>(given);
        all.putAll(extra);
        return all;
    }

    RenderedEmail run(LiquidPart footer) {
        String subject = email.subject == null ? "" : subject(part(email.subject));
        String html = email.html == null ? null : part(email.html);
        String text = part(email.text);
        if (email.textDerived) {
            text = HtmlToText.tidy(text);
        }
        List<String> missing = state.missing();
        if (!missing.isEmpty()) {
            if (strict) {
                throw new MissingVariablesException(missing);
            }
            warnings.add("missing values rendered empty: " + String.join(", ", missing));
        }
        List<String> links = new ArrayList<>();
        if (html != null) {
            html = Links.extract(html, links, this::refusedAddress);
        } else {
            links.addAll(Links.inText(text));
        }
        if (email.subject != null && subject.isEmpty()) {
            refuse(TemplateRenderException.Reason.BLANK_SUBJECT, "the subject came out blank");
        }
        String footerText = footer == null ? "" : part(footer).strip();
        if (!footerText.isEmpty()) {
            text = text.isBlank() ? footerText : text.stripTrailing() + "\n\n" + footerText;
            if (html != null) {
                html = html + "\n<p style=\"margin-top:24px;font-size:12px;color:#888888\">" + Html.fromText(footerText)
                        + "</p>";
            }
        }
        return new RenderedEmail(subject, html, text, List.copyOf(links), List.copyOf(warnings));
    }

    private String subject(String rendered) {
        String subject = rendered.strip();
        if (subject.indexOf('\n') >= 0 || subject.indexOf('\r') >= 0) {
            refuse(TemplateRenderException.Reason.HEADER_INJECTION,
                    "the subject came out with a line break (from a variable's value): refused as a header injection");
            subject = subject.replaceAll("[\\r\\n]+", " ");
        }
        return subject.indexOf("  ") >= 0 ? subject.replaceAll(" {2,}", " ") : subject;
    }

    private void refusedAddress(String address) {
        refuse(TemplateRenderException.Reason.UNSAFE_LINK, "a link or image address came out as \"" + address
                + "\", not an absolute http(s) URL: removed");
    }

    private void refuse(TemplateRenderException.Reason reason, String message) {
        if (strict) {
            throw new TemplateRenderException(reason, message);
        }
        warnings.add(message);
    }

    private String part(LiquidPart part) {
        try {
            if (context == null) {
                context = part.newContext(given, extra);
            }
            return part.render(context, this::merged);
        } catch (TemplateRenderException | MissingVariablesException e) {
            throw e;
        } catch (ExceededMaxIterationsException e) {
            throw new TemplateRenderException(TemplateRenderException.Reason.ITERATION_LIMIT,
                    "the template ran too many loop iterations (limit maxIterations): " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw translate(e);
        }
    }

    private static TemplateRenderException translate(RuntimeException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof TemplateRenderException known) {
                return known;
            }
            if (cause instanceof ExceededMaxIterationsException) {
                return new TemplateRenderException(TemplateRenderException.Reason.ITERATION_LIMIT,
                        "the template ran too many loop iterations (limit maxIterations): " + cause.getMessage(), e);
            }
            if (cause instanceof TimeoutException) {
                return new TemplateRenderException(TemplateRenderException.Reason.TIME_LIMIT,
                        "the template took too long to render (render time limit)", e);
            }
            if (cause.getMessage() != null && cause.getMessage().contains("rendered string exceeds")) {
                return new TemplateRenderException(TemplateRenderException.Reason.OUTPUT_LIMIT,
                        "the email came out too long (limit maxOutputChars): " + cause.getMessage(), e);
            }
        }
        return new TemplateRenderException(TemplateRenderException.Reason.LIQUID_ERROR,
                "Liquid failed on this recipient's values: " + e.getMessage(), e);
    }
}
