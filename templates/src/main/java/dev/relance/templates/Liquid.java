package dev.relance.templates;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import liqp.Template;
import liqp.TemplateContext;
import liqp.TemplateParser;
import liqp.exceptions.LiquidException;
import liqp.filters.Filter;
import liqp.nodes.LNode;
import liqp.parser.Flavor;
import liqp.parser.v4.NodeVisitor;
import liqp.tags.Tag;

/**
 * The engine's Liqp configuration, built once: strict syntax, lazy evaluation (plain maps are read
 * as they are, no object is converted through Jackson), the guarded filters, the iteration and
 * output limits, and no tag that reads a file ({@code include} refuses to run).
 */
final class Liquid {

    /** A Liquid source that does not compile, with the author's position when Liqp knows it. */
    static final class SyntaxError extends RuntimeException {

        final int line;
        final int column;

        SyntaxError(String message, int line, int column) {
            super(message);
            this.line = line;
            this.column = column;
        }
    }

    private static final Pattern POSITION = Pattern.compile("(?:error )?on line (\\d+), index (\\d+):?\\s*");

    private final TemplateParser parser;
    private final TemplateParser guarded;

    /** @param maxRenderTime null for the fast path; else every rendering runs under Liqp's time guard */
    Liquid(TemplateLimits limits, Duration maxRenderTime, RichText rich) {
        TemplateParser.Builder builder = new TemplateParser.Builder()
                .withFlavor(Flavor.LIQP)
                .withErrorMode(TemplateParser.ErrorMode.STRICT)
                .withEvaluateMode(TemplateParser.EvaluateMode.LAZY)
                .withStrictVariables(false)
                .withLocale(Locale.ENGLISH)
                .withDefaultTimeZone(ZoneOffset.UTC)
                .withMaxIterations(limits.maxIterations())
                .withMaxSizeRenderedString(limits.maxOutputChars())
                .withMaxTemplateSizeBytes(8L * limits.maxTemplateChars())
                .withTag(new Refused("include"))
                .withTag(new Refused("include_relative"))
                .withTag(new Refused(Snippets.TAG));
        for (Filter filter : LiquidFilters.all(limits.maxOutputChars(), rich)) {
            builder.withFilter(filter);
        }
        this.parser = builder.build();
        this.guarded = maxRenderTime == null ? null
                : new TemplateParser.Builder(parser).withMaxRenderTimeMillis(maxRenderTime.toMillis()).build();
    }

    /**
     * Parses {@code source} and builds its nodes once (which also resolves its filters).
     *
     * @throws SyntaxError when it does not compile
     */
    LiquidPart compile(String source) {
        Template template = parse(source, guarded != null ? guarded : parser);
        VariableScan scan = new VariableScan().scan(template.getParseTree());
        LNode root = nodes(template);
        return guarded != null ? LiquidPart.guarded(template)
                : LiquidPart.fast(parser, template, scan.computedIndex ? null : root);
    }

    /** Parses {@code source} for validation only. */
    Template check(String source) {
        Template template = parse(source, parser);
        nodes(template);
        return template;
    }

    private LNode nodes(Template template) {
        try {
            return nodesOf(parser, template);
        } catch (LiquidException e) {
            throw syntaxError(e);
        } catch (RuntimeException e) {
            throw syntaxError(e.getMessage());
        }
    }

    static LNode nodesOf(TemplateParser parser, Template template) {
        return new NodeVisitor(parser.insertions, parser.filters, parser.liquidStyleInclude).visit(template.getParseTree());
    }

    private static Template parse(String source, TemplateParser parser) {
        try {
            return parser.parse(source);
        } catch (LiquidException e) {
            throw syntaxError(e);
        } catch (RuntimeException e) {
            throw syntaxError(e.getMessage());
        }
    }

    private static SyntaxError syntaxError(LiquidException e) {
        String message = firstLine(e.getMessage()).replaceFirst("\\s*on line \\d+, index \\d+\\s*$", "");
        return new SyntaxError(message, Math.max(e.line, 0), e.line > 0 ? e.charPositionInLine + 1 : 0);
    }

    private static SyntaxError syntaxError(String rawMessage) {
        String message = firstLine(rawMessage);
        Matcher at = POSITION.matcher(message);
        if (at.find()) {
            String rest = (message.substring(0, at.start()) + message.substring(at.end())).strip().replace(": |", ": ");
            return new SyntaxError(rest, Integer.parseInt(at.group(1)), Integer.parseInt(at.group(2)) + 1);
        }
        return new SyntaxError("is not valid Liquid: " + message, 0, 0);
    }

    private static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return "syntax error";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** A tag that fails when rendered: include reads files, and snippets are expanded before rendering. */
    private static final class Refused extends Tag {

        Refused(String name) {
            super(name);
        }

        @Override
        public Object render(TemplateContext context, LNode... nodes) {
            throw new TemplateRenderException(TemplateRenderException.Reason.LIQUID_ERROR,
                    "the " + name + " tag is not available");
        }
    }
}
