package dev.relance.templates;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expands {@code {% snippet "name" %}} at compile time, recursively, from a {@link SnippetSource}:
 * an unknown name, a malformed tag, a cycle or nesting deeper than the limit is a problem.
 * One instance serves one compilation and remembers the snippets it used.
 */
final class Snippets {

    static final String TAG = "snippet";
    private static final Pattern WELL_FORMED = Pattern.compile("\\{%-?\\s*snippet\\s+([\"'])([a-z0-9_]+)\\1\\s*-?%}");

    private final SnippetSource source;
    private final int maxDepth;
    private final Map<String, Optional<String>> fetched = new LinkedHashMap<>();
    private final java.util.Set<String> lastUsed = new java.util.LinkedHashSet<>();

    Snippets(SnippetSource source, int maxDepth) {
        this.source = source;
        this.maxDepth = maxDepth;
    }

    /** The snippets found so far, by name, with their source. */
    Map<String, String> used() {
        Map<String, String> used = new LinkedHashMap<>();
        fetched.forEach((name, body) -> body.ifPresent(b -> used.put(name, b)));
        return used;
    }

    /** The snippets the last {@link #expand} call used, directly or not. */
    java.util.Set<String> lastUsed() {
        return java.util.Set.copyOf(lastUsed);
    }

    /** {@code text} of {@code part} with its snippets expanded; problems go to {@code problems}. */
    String expand(String text, String part, List<TemplateProblem> problems) {
        lastUsed.clear();
        return expand(text, part, problems, new ArrayDeque<>());
    }

    private String expand(String text, String part, List<TemplateProblem> problems, Deque<String> chain) {
        if (!text.contains(TAG)) {
            return text;
        }
        List<LiquidScanner.Region> regions = LiquidScanner.scan(text);
        return LiquidScanner.map(text, regions, t -> t, (k, region) -> {
            if (region.kind() != LiquidScanner.Kind.TAG || !LiquidScanner.tagName(text, region.start()).equals(TAG)) {
                return region.text(text);
            }
            Matcher tag = WELL_FORMED.matcher(region.text(text));
            String where = chain.isEmpty() ? "" : "in snippet \"" + chain.peekLast() + "\": ";
            int[] at = chain.isEmpty() ? Positions.of(text, region.start()) : new int[] {0, 0};
            if (!tag.matches()) {
                problems.add(new TemplateProblem(part, at[0], at[1], where
                        + "write a snippet as {% snippet \"name\" %}, the name in lower case letters, digits and _"));
                return "";
            }
            String name = tag.group(2);
            if (chain.contains(name)) {
                problems.add(new TemplateProblem(part, at[0], at[1], where + "snippet \"" + name
                        + "\" includes itself: " + String.join(" > ", chain) + " > " + name));
                return "";
            }
            if (chain.size() >= maxDepth) {
                problems.add(new TemplateProblem(part, at[0], at[1], where + "snippets are nested deeper than "
                        + maxDepth + " levels"));
                return "";
            }
            Optional<String> body = fetched.computeIfAbsent(name, n -> source.find(n).map(Markers::strip));
            if (body.isEmpty()) {
                problems.add(new TemplateProblem(part, at[0], at[1], where + "unknown snippet \"" + name + "\""));
                return "";
            }
            lastUsed.add(name);
            chain.addLast(name);
            String expanded = expand(body.get(), part, problems, chain);
            chain.removeLast();
            return expanded;
        });
    }
}
