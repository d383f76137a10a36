package dev.relance.engine.prospect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class CopyRowsTest {

    @Test
    void every_column_is_separated_even_an_empty_first_one_and_framing_characters_are_escaped() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CopyRows rows = new CopyRows(out);

        rows.column("").column("a\tb").column(null).endRow();
        rows.column("x\\y").column("line\nbreak\r").column(7L).endRow();

        assertThat(out.toString(StandardCharsets.UTF_8))
                .isEqualTo("\ta\\tb\t\\N\n" + "x\\\\y\tline\\nbreak\\r\t7\n");
    }
}
