package dev.relance.templates;

import java.util.Map;

import liqp.Template;
import liqp.TemplateContext;
import liqp.TemplateParser;
import liqp.nodes.LNode;

/**
 * One compiled Liquid source (a subject, a body, a footer), immutable and shared by all threads.
 * The fast path keeps the node tree Liqp builds, so a rendering is only a walk over it with a fresh
 * context: {@code Template.render} would rebuild the tree every time (and its guarded variant
 * starts an executor every time). The one node that caches state (a computed index) makes a
 * template build its tree per rendering instead.
 */
final class LiquidPart {

    private final TemplateParser parser;
    private final Template template;
    private final LNode root;
    private final boolean guarded;

    private LiquidPart(TemplateParser parser, Template template, LNode root, boolean guarded) {
        this.parser = parser;
        this.template = template;
        this.root = root;
        this.guarded = guarded;
    }

    static LiquidPart fast(TemplateParser parser, Template template, LNode sharedRoot) {
        return new LiquidPart(parser, template, sharedRoot, false);
    }

    static LiquidPart guarded(Template template) {
        return new LiquidPart(null, template, null, true);
    }

    /**
     * A context for renderings of this engine's parts, holding {@code variables} plus {@code extra}:
     * one per rendering of an email, shared by its parts (one copy of the variables instead of four;
     * the iteration limit then counts for the whole email). Null on the guarded path.
     */
    TemplateContext newContext(Map<String, Object> variables, Map<String, Object> extra) {
        if (guarded) {
            return null;
        }
        TemplateContext context = new TemplateContext(parser, variables);
        extra.forEach(context::put);
        return context;
    }

    /**
     * @param context from {@link #newContext} on the fast path
     * @param variables variables and extras together, for the guarded path
     */
    String render(TemplateContext context, java.util.function.Supplier<Map<String, Object>> variables) {
        if (guarded) {
            synchronized (template) {
                // Liqp keeps the context of the rendering in progress in the Template itself.
                return template.render(variables.get());
            }
        }
        LNode node = root != null ? root : Liquid.nodesOf(parser, template);
        Object rendered = node.render(context);
        return String.valueOf(parser.getRenderTransformer().transformObject(context, rendered));
    }
}
