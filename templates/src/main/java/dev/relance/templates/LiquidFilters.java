package dev.relance.templates;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import liqp.TemplateContext;
import liqp.TemplateParser;
import liqp.filters.Filter;

/**
 * The filters of the engine's parser: Liquid's own, each guarded so that no filter builds a string
 * or a list beyond the output limit (a doubling {@code append} in a loop would exhaust memory long
 * before the iteration limit), plus the replaced {@code date} and {@code json} and the reserved
 * filters the compiler appends ({@code __req}, {@code __html}, {@code __css}, {@code __rich},
 * {@code __plain}), which templates cannot name themselves.
 */
final class LiquidFilters {

    static final String RESERVED_PREFIX = "__";

    private LiquidFilters() {
    }

    static List<Filter> all(int maxChars, RichText rich) {
        List<Filter> filters = new ArrayList<>();
        for (Filter standard : TemplateParser.DEFAULT.filters.values()) {
            filters.add(new Guarded(standard, maxChars));
        }
        filters.add(new DateFilter());
        filters.add(new Json());
        filters.add(new Required());
        filters.add(new Escape());
        filters.add(new Css());
        filters.add(new Rich(rich, true));
        filters.add(new Rich(rich, false));
        return filters;
    }

    static boolean isBlankValue(Object value) {
        return switch (value) {
            case null -> true;
            case CharSequence s -> s.toString().isBlank();
            case Collection<?> c -> c.isEmpty();
            case Map<?, ?> m -> m.isEmpty();
            case Object[] a -> a.length == 0;
            default -> false;
        };
    }

    /** A standard filter whose result may not exceed the output limit. */
    private static final class Guarded extends Filter {

        private final Filter filter;
        private final int max;

        Guarded(Filter filter, int max) {
            super(filter.name);
            this.filter = filter;
            this.max = max;
        }

        @Override
        public Object apply(Object value, TemplateContext context, Object... params) {
            Object result = filter.apply(value, context, params);
            int size = switch (result) {
                case CharSequence s -> s.length();
                case Collection<?> c -> c.size();
                case Object[] a -> a.length;
                case null, default -> 0;
            };
            if (size > max) {
                throw new TemplateRenderException(TemplateRenderException.Reason.OUTPUT_LIMIT, "the " + name
                        + " filter built " + size + " characters or items, over the limit of " + max + " (maxOutputChars)");
            }
            return result;
        }
    }

    /** {@code | __req: N}: records variable N as missing when the printed value is blank. */
    private static final class Required extends Filter {

        Required() {
            super("__req");
        }

        @Override
        public Object apply(Object value, TemplateContext context, Object... params) {
            if (isBlankValue(value)) {
                RenderState state = RenderState.of(context);
                if (state != null) {
                    state.missing(params.length > 0 && params[0] instanceof Number n ? n.intValue() : -1);
                }
                return "";
            }
            return value;
        }
    }

    /** {@code | __html}: the value as HTML text, safe in text and quoted attributes. */
    private static final class Escape extends Filter {

        Escape() {
            super("__html");
        }

        @Override
        public Object apply(Object value, TemplateContext context, Object... params) {
            if (value == null) {
                return "";
            }
            return Html.escape(Markers.strip(value instanceof String s ? s : asString(value, context)));
        }
    }

    /** {@code | __css}: a value inside a style attribute, reduced to characters that cannot end or call anything. */
    private static final class Css extends Filter {

        Css() {
            super("__css");
        }

        @Override
        public Object apply(Object value, TemplateContext context, Object... params) {
            String s = value == null ? "" : asString(value, context);
            return s.replaceAll("[^A-Za-z0-9 #.,%-]", "");
        }
    }

    /** {@code | __rich} and {@code | __plain}: HTML-valued data, sanitised for HTML or as text. */
    private static final class Rich extends Filter {

        private final RichText rich;
        private final boolean html;

        Rich(RichText rich, boolean html) {
            super(html ? "__rich" : "__plain");
            this.rich = rich;
            this.html = html;
        }

        @Override
        public Object apply(Object value, TemplateContext context, Object... params) {
            if (value == null) {
                return "";
            }
            String s = Markers.strip(asString(value, context));
            return html ? rich.html(s) : rich.text(s);
        }
    }

    /** {@code | json} on plain values only: Liqp's own would hand any object to Jackson. */
    private static final class Json extends Filter {

        Json() {
            super("json");
        }

        @Override
        public Object apply(Object value, TemplateContext context, Object... params) {
            StringBuilder out = new StringBuilder();
            write(value, out, context);
            return out.toString();
        }

        private void write(Object value, StringBuilder out, TemplateContext context) {
            switch (value) {
                case null -> out.append("null");
                case Number n -> out.append(n);
                case Boolean b -> out.append(b);
                case Map<?, ?> map -> {
                    out.append('{');
                    String comma = "";
                    for (Map.Entry<?, ?> e : map.entrySet()) {
                        out.append(comma);
                        write(String.valueOf(e.getKey()), out, context);
                        out.append(':');
                        write(e.getValue(), out, context);
                        comma = ",";
                    }
                    out.append('}');
                }
                case Collection<?> list -> {
                    out.append('[');
                    String comma = "";
                    for (Object item : list) {
                        out.append(comma);
                        write(item, out, context);
                        comma = ",";
                    }
                    out.append(']');
                }
                default -> {
                    out.append('"');
                    for (char c : asString(value, context).toCharArray()) {
                        switch (c) {
                            case '"' -> out.append("\\\"");
                            case '\\' -> out.append("\\\\");
                            case '\n' -> out.append("\\n");
                            case '\r' -> out.append("\\r");
                            case '\t' -> out.append("\\t");
                            default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
                        }
                    }
                    out.append('"');
                }
            }
        }
    }
}
