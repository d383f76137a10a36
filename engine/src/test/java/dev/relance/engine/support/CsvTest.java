package dev.relance.engine.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void cells_with_commas_quotes_or_line_breaks_are_quoted_with_quotes_doubled() {
        assertThat(Csv.cell("plain")).isEqualTo("plain");
        assertThat(Csv.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(Csv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(Csv.cell("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(Csv.cell(null)).isEmpty();
    }

    @Test
    void text_that_a_spreadsheet_would_run_as_a_formula_is_prefixed_with_a_quote() {
        assertThat(Csv.cell("=1+1")).isEqualTo("'=1+1");
        assertThat(Csv.cell("+33 1 23")).isEqualTo("'+33 1 23");
        assertThat(Csv.cell("-2")).isEqualTo("'-2");
        assertThat(Csv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(Csv.cell("\tx")).isEqualTo("'\tx");
        assertThat(Csv.cell("=HYPERLINK(\"http://evil\",\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\"");
    }

    @Test
    void numbers_stay_numbers_even_negative() {
        assertThat(Csv.cell(-0.3)).isEqualTo("-0.3");
        assertThat(Csv.cell(12L)).isEqualTo("12");
    }

    @Test
    void a_table_is_a_header_then_rows_with_crlf() {
        String csv = Csv.write(new Csv.Table(List.of("name", "sent"), List.of(Arrays.asList("=x", 3L),
                Arrays.asList(null, 0L))));
        assertThat(csv).isEqualTo("name,sent\r\n'=x,3\r\n,0\r\n");
    }
}
