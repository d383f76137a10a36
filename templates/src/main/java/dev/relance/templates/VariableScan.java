package dev.relance.templates;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import liqp.org.antlr.v4.runtime.ParserRuleContext;
import liqp.org.antlr.v4.runtime.tree.ParseTree;
import liquid.parser.v4.LiquidParser;

/**
 * Reads a parsed template for what validation checks: the variables it reads (with their
 * position), the names it defines itself (assign, capture, for, tablerow, increment), the tags and
 * filters it may not use (include, reserved {@code __} filters), and whether it indexes with a
 * computed key (Liqp caches such a key in its node, so that template is not shared between threads).
 */
final class VariableScan {

    /** A variable read, as a path ({@code account.name} is [account, name]), where it is read. */
    record Use(List<String> path, int line, int column) {

        String name() {
            return String.join(".", path);
        }
    }

    /** A tag or filter a template may not use. */
    record Refusal(String message, int line, int column) {
    }

    final List<Use> uses = new ArrayList<>();
    final Set<String> defined = new HashSet<>();
    final List<Refusal> refusals = new ArrayList<>();
    boolean computedIndex;

    VariableScan scan(ParseTree tree) {
        visit(tree);
        return this;
    }

    private void visit(ParseTree node) {
        switch (node) {
            case LiquidParser.Lookup_id_indexesContext lookup -> lookup(lookup);
            case LiquidParser.Lookup_StrContext lookup -> uses.add(use(List.of(unquote(lookup.Str().getText())), lookup));
            case LiquidParser.Lookup_IdContext lookup -> computedIndex = true;
            case LiquidParser.AssignmentContext assign -> defined.add(assign.id().getText());
            case LiquidParser.Capture_tag_IdContext capture -> defined.add(capture.id().getText());
            case LiquidParser.Capture_tag_StrContext capture -> defined.add(unquote(capture.Str().getText()));
            case LiquidParser.For_arrayContext loop -> defined.add(loop.id().getText());
            case LiquidParser.For_rangeContext loop -> defined.add(loop.id().getText());
            case LiquidParser.Table_tagContext table -> defined.add(table.id().getText());
            case LiquidParser.Simple_tagContext tag -> simpleTag(tag);
            case LiquidParser.Include_tagContext include -> refusals.add(refusal(
                    "include is not available (templates read no files): use {% snippet \"name\" %}", include));
            case LiquidParser.FilterContext filter when filter.Id().getText().startsWith(LiquidFilters.RESERVED_PREFIX) ->
                refusals.add(refusal("filter " + filter.Id().getText() + " is reserved", filter));
            default -> {
            }
        }
        for (int i = 0; i < node.getChildCount(); i++) {
            visit(node.getChild(i));
        }
    }

    private void lookup(LiquidParser.Lookup_id_indexesContext lookup) {
        List<String> path = new ArrayList<>();
        path.add(lookup.id().getText());
        boolean literal = true;
        for (LiquidParser.IndexContext index : lookup.index()) {
            String key = index.id2() != null ? index.id2().getText() : literalKey(index.expr());
            if (key == null) {
                computedIndex |= !isNumber(index.expr());
                literal = false;
            } else if (literal) {
                path.add(key);
            }
        }
        uses.add(use(path, lookup));
    }

    private void simpleTag(LiquidParser.Simple_tagContext tag) {
        String name = tag.SimpleTagId().getText();
        if (name.equals("include_relative")) {
            refusals.add(refusal("include_relative is not available (templates read no files)", tag));
        }
        if ((name.equals("increment") || name.equals("decrement")) && tag.other_tag_parameters() != null) {
            defined.add(tag.other_tag_parameters().getText().strip());
        }
    }

    private static String literalKey(LiquidParser.ExprContext expr) {
        if (expr instanceof LiquidParser.Expr_termContext term && term.term() instanceof LiquidParser.Term_StrContext str) {
            return unquote(str.getText());
        }
        return null;
    }

    private static boolean isNumber(LiquidParser.ExprContext expr) {
        return expr instanceof LiquidParser.Expr_termContext term
                && (term.term() instanceof LiquidParser.Term_LongNumContext
                        || term.term() instanceof LiquidParser.Term_DoubleNumContext);
    }

    private static String unquote(String quoted) {
        return quoted.length() >= 2 ? quoted.substring(1, quoted.length() - 1) : quoted;
    }

    private static Use use(List<String> path, ParserRuleContext at) {
        return new Use(List.copyOf(path), at.getStart().getLine(), at.getStart().getCharPositionInLine() + 1);
    }

    private static Refusal refusal(String message, ParserRuleContext at) {
        return new Refusal(message, at.getStart().getLine(), at.getStart().getCharPositionInLine() + 1);
    }
}
