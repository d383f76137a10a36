package dev.relance.engine.imports;

/**
 * Cells of the problem report, safe to open in a spreadsheet: a value starting with {@code = + - @},
 * a tab or a CR gets a leading {@code '} (no formula injection); quoted when needed, quotes doubled.
 */
final class CsvCells {

    private CsvCells() {
    }

    static String cell(String value) {
        String text = value == null ? "" : value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            text = '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
