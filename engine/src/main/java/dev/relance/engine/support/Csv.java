package dev.relance.engine.support;

import java.util.List;

/**
 * RFC 4180 CSV for every export (reports, pipeline metrics, job and import reports), lines ending with CRLF: a
 * cell with a comma, a quote or a line break is quoted, quotes doubled. A text cell that a
 * spreadsheet would read as a formula (starting with = + - @, a tab or a carriage return) is
 * prefixed with a single quote (OWASP "CSV injection"). Numbers are written as numbers: they are
 * computed, never typed by users, and a negative z-score must stay a number.
 */
public final class Csv {

    private Csv() {
    }

    /** A table: its header and its rows, cells in the header's order. */
    public record Table(List<String> header, List<List<Object>> rows) {
    }

    public static String of(List<String> header, List<List<Object>> rows) {
        return write(new Table(header, rows));
    }

    public static String write(Table table) {
        StringBuilder out = new StringBuilder();
        line(out, table.header().stream().map(h -> (Object) h).toList());
        table.rows().forEach(row -> line(out, row));
        return out.toString();
    }

    private static void line(StringBuilder out, List<Object> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells.get(i)));
        }
        out.append("\r\n");
    }

    public static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
