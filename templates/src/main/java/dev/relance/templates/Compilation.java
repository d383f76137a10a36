package dev.relance.templates;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One validation, and when asked one compilation, of an email template. Each part goes through
 * the same steps: size, syntax as written (so that positions are the author's), snippets, names,
 * then spintax, escaping and strictness rewrites, HTML sanitising, and the final parse.
 */
final class Compilation {

    private final Liquid liquid;
    private final TemplateLimits limits;
    private final TemplateSchema schema;
    private final Snippets snippets;
    private final List<TemplateProblem> problems = new ArrayList<>();
    private final List<Integer> arities = new ArrayList<>();
    private final List<String> requiredNames = new ArrayList<>();
    private final Map<String, VariableScan> snippetScans = new HashMap<>();

    Compilation(Liquid liquid, TemplateLimits limits, TemplateSchema schema, SnippetSource snippets) {
        this.liquid = liquid;
        this.limits = limits;
        this.schema = schema == null ? TemplateSchema.lenient() : schema;
        this.snippets = new Snippets(snippets == null ? SnippetSource.NONE : snippets, limits.maxSnippetDepth());
    }

    List<TemplateProblem> problems() {
        return problems;
    }

    /** Validates {@code source}; returns the compiled email when it has no error, else null. */
    CompiledEmail run(EmailTemplateSource source, boolean subjectRequired) {
        String subject = Markers.strip(source.subject());
        String html = Markers.strip(source.bodyHtml());
        String text = Markers.strip(source.bodyText());
        boolean hasHtml = html != null && !html.isBlank();
        boolean hasText = text != null && !text.isBlank();
        LiquidPart subjectPart = null;
        if (subject == null || subject.isBlank()) {
            if (subjectRequired) {
                problems.add(new TemplateProblem("subject", 0, 0, "must not be empty"));
            }
        } else if (subject.indexOf('\r') >= 0 || subject.indexOf('\n') >= 0) {
            problems.add(new TemplateProblem("subject", 0, 0, "must be a single line"));
        } else {
            subjectPart = finish("subject", prepare("subject", subject), Outputs.Context.TEXT);
        }
        if (!hasHtml && !hasText) {
            problems.add(new TemplateProblem("body", 0, 0, "write an HTML body, a plain-text body, or both"));
        }
        LiquidPart htmlPart = null;
        LiquidPart textPart = null;
        String htmlLiquid = hasHtml ? prepare("bodyHtml", html) : null;
        if (htmlLiquid != null) {
            List<String> htmlProblems = new ArrayList<>();
            HtmlTemplate.Result compiled = HtmlTemplate.compile(htmlLiquid, requiredNames, htmlProblems);
            htmlProblems.forEach(message -> problems.add(new TemplateProblem("bodyHtml", 0, 0, message)));
            if (htmlProblems.isEmpty()) {
                htmlPart = finish("bodyHtml", compiled.html(), null);
                textPart = hasText ? null : finish("bodyHtml", compiled.text(), null);
            }
        }
        String textLiquid = hasText ? prepare("bodyText", text) : null;
        if (textLiquid != null) {
            checkTextLinks(textLiquid);
            textPart = finish("bodyText", textLiquid, Outputs.Context.TEXT);
        }
        boolean errors = problems.stream().anyMatch(p -> !TemplateProblem.isWarning(p));
        if (errors || (hasHtml && htmlPart == null) || textPart == null) {
            return null;
        }
        int[] spin = arities.stream().mapToInt(Integer::intValue).toArray();
        return new CompiledEmail(subjectPart, htmlPart, textPart, !hasText, spin, List.copyOf(requiredNames));
    }

    /** Checks a part as written and returns it expanded, with spintax as Liquid; null on error. */
    private String prepare(String part, String source) {
        int before = errorCount();
        if (source.length() > limits.maxTemplateChars()) {
            problems.add(new TemplateProblem(part, 0, 0, "is longer than " + limits.maxTemplateChars() + " characters"));
            return null;
        }
        VariableScan scan;
        try {
            scan = new VariableScan().scan(liquid.check(source).getParseTree());
        } catch (Liquid.SyntaxError e) {
            problems.add(new TemplateProblem(part, e.line, e.column, e.getMessage()));
            return null;
        }
        scan.refusals.forEach(r -> problems.add(new TemplateProblem(part, r.line(), r.column(), r.message())));
        String expanded = snippets.expand(source, part, problems);
        Set<String> defined = new HashSet<>(scan.defined);
        Map<String, VariableScan> used = new java.util.LinkedHashMap<>();
        for (String name : snippets.lastUsed()) {
            VariableScan snippetScan = snippetScan(part, name);
            if (snippetScan != null) {
                defined.addAll(snippetScan.defined);
                used.put(name, snippetScan);
            }
        }
        checkUses(part, scan.uses, defined, null);
        used.forEach((name, snippetScan) -> checkUses(part, snippetScan.uses, defined, name));
        if (expanded.length() > limits.maxTemplateChars()) {
            problems.add(new TemplateProblem(part, 0, 0, "is longer than " + limits.maxTemplateChars()
                    + " characters once its snippets are expanded"));
        }
        return errorCount() > before ? null : Spintax.toLiquid(expanded, arities);
    }

    private VariableScan snippetScan(String part, String name) {
        if (snippetScans.containsKey(name)) {
            return snippetScans.get(name);
        }
        VariableScan scan = null;
        try {
            scan = new VariableScan().scan(liquid.check(snippets.used().get(name)).getParseTree());
            for (VariableScan.Refusal r : scan.refusals) {
                problems.add(new TemplateProblem(part, 0, 0, "in snippet \"" + name + "\" line " + r.line() + ", column "
                        + r.column() + ": " + r.message()));
            }
        } catch (Liquid.SyntaxError e) {
            problems.add(new TemplateProblem(part, 0, 0, "in snippet \"" + name + "\" line " + e.line + ", column "
                    + e.column + ": " + e.getMessage()));
        }
        snippetScans.put(name, scan);
        return scan;
    }

    private void checkUses(String part, List<VariableScan.Use> uses, Set<String> defined, String snippet) {
        for (VariableScan.Use use : uses) {
            String problem = Names.problemWith(use.path(), defined, schema);
            if (problem == null) {
                continue;
            }
            if (snippet == null) {
                problems.add(new TemplateProblem(part, use.line(), use.column(), problem));
            } else if (!TemplateProblem.isWarning(new TemplateProblem(part, 0, 0, problem))) {
                problems.add(new TemplateProblem(part, 0, 0, "in snippet \"" + snippet + "\" line " + use.line()
                        + ", column " + use.column() + ": " + problem));
            } else {
                problems.add(new TemplateProblem(part, 0, 0, problem + " (in snippet \"" + snippet + "\")"));
            }
        }
    }

    private void checkTextLinks(String text) {
        String probe = LiquidScanner.map(text, LiquidScanner.scan(text), t -> t, (k, r) -> "x");
        var candidates = Links.URL_CANDIDATE.matcher(probe);
        while (candidates.find()) {
            String url = candidates.group().replaceAll("[.,;:!?)\\]'}]+$", "");
            if (!Links.isAbsoluteHttp(url)) {
                problems.add(new TemplateProblem("bodyText", 0, 0, "link \"" + url + "\" is not a valid absolute http(s) URL"));
            }
        }
    }

    /** The final parse of a prepared part; null (and a problem) if it fails. */
    private LiquidPart finish(String part, String prepared, Outputs.Context rewrite) {
        if (prepared == null) {
            return null;
        }
        String source = rewrite == null ? prepared : Outputs.rewriteAll(prepared, rewrite, requiredNames);
        try {
            return liquid.compile(source);
        } catch (Liquid.SyntaxError e) {
            problems.add(new TemplateProblem(part, 0, 0, "once snippets and spintax are expanded: " + e.getMessage()));
            return null;
        }
    }

    private int errorCount() {
        return (int) problems.stream().filter(p -> !TemplateProblem.isWarning(p)).count();
    }
}
