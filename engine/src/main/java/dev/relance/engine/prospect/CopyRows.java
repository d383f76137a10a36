package dev.relance.engine.prospect;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Rows in PostgreSQL's {@code COPY ... FROM STDIN} text format, written straight to the copy stream:
 * tab between columns, newline after a row, {@code \N} for null, and backslash escapes for the
 * characters that would break that framing.
 */
final class CopyRows {

    private final OutputStream out;
    private final StringBuilder line = new StringBuilder(512);
    private int columns;

    CopyRows(OutputStream out) {
        this.out = out;
    }

    CopyRows column(Object value) {
        if (columns++ > 0) {
            line.append('\t');
        }
        if (value == null) {
            line.append("\\N");
            return this;
        }
        String text = value.toString();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> line.append("\\\\");
                case '\t' -> line.append("\\t");
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                default -> line.append(c);
            }
        }
        return this;
    }

    void endRow() {
        line.append('\n');
        try {
            out.write(line.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        line.setLength(0);
        columns = 0;
    }
}
