package dev.relance.engine.inbox.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class ReturnDatesTest {

    private static final LocalDate MONDAY_2_MARCH_2026 = LocalDate.of(2026, 3, 2);

    private static LocalDate returnDate(String text) {
        ReturnDates.Found found = ReturnDates.find(text, MONDAY_2_MARCH_2026);
        return found == null ? null : found.date();
    }

    @Test
    void english_return_dates() {
        assertThat(returnDate("I will be back on 14 March.")).isEqualTo("2026-03-14");
        assertThat(returnDate("Out of office, returning Monday, March 16")).isEqualTo("2026-03-16");
        assertThat(returnDate("I am away, back on 14/03/2027.")).isEqualTo("2027-03-14");
        assertThat(returnDate("I'm returning to the office on May 5th.")).isEqualTo("2026-05-05");
    }

    @Test
    void until_names_the_last_day_away_so_the_return_is_the_day_after() {
        assertThat(returnDate("I am out of the office until 3/14")).isEqualTo("2026-03-15");
        assertThat(returnDate("Absent jusqu'au 14 mars inclus.")).isEqualTo("2026-03-15");
    }

    @Test
    void french_return_dates() {
        assertThat(returnDate("Je serai de retour le lundi 16 mars.")).isEqualTo("2026-03-16");
        assertThat(returnDate("Je suis absent, de retour le 3/04.")).isEqualTo("2026-04-03");
    }

    @Test
    void a_date_already_past_this_year_is_next_year() {
        assertThat(returnDate("Back on 5 January")).isEqualTo("2027-01-05");
        assertThat(returnDate("Back on 2 March")).isEqualTo("2026-03-02");
    }

    @Test
    void a_weekday_alone_is_the_next_one() {
        assertThat(returnDate("I'll be back on Monday")).isEqualTo("2026-03-09");
    }

    @Test
    void no_date_no_return_date() {
        assertThat(returnDate("I am on leave with limited access to email.")).isNull();
    }
}
