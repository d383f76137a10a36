package dev.relance.templates;

import static dev.relance.templates.Emails.render;
import static dev.relance.templates.Emails.text;
import static dev.relance.templates.Recipients.aProspect;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

import org.junit.jupiter.api.Test;

class DateFilterTest {

    private static String body(String liquid, Recipients recipient) {
        return render(text("Hi", liquid), recipient).text();
    }

    @Test
    void a_french_prospect_on_a_tuesday_reads_mardi() {
        var paris = aProspect().inZone("Europe/Paris").speaking(Locale.FRENCH);
        assertThat(body("{{ 'now' | date: '%A %-d %B %Y' }}", paris)).isEqualTo("mardi 3 mars 2026");
    }

    @Test
    void now_comes_from_the_context_clock_in_the_prospect_zone() {
        var tokyo = aProspect().inZone("Asia/Tokyo").at("2026-03-03T20:00:00Z");
        assertThat(body("{{ now | date: '%a %H:%M %Z' }}", tokyo)).isEqualTo("Wed 05:00 JST");
        assertThat(body("{{ now }}", tokyo)).isEqualTo("2026-03-03T20:00:00Z");
        assertThat(body("{{ 'today' | date: '%Y-%m-%d' }}", tokyo)).isEqualTo("2026-03-04");
    }

    @Test
    void strftime_conversions_print_as_liquid_authors_expect() {
        var ny = aProspect().inZone("America/New_York").at("2026-07-04T17:05:09Z");
        assertThat(body("{{ now | date: '%A %a %B %b %d %-d %e %m %Y %y %H %M %S %I %p %j %%' }}", ny))
                .isEqualTo("Saturday Sat July Jul 04 4  4 07 2026 26 13 05 09 01 PM 185 %");
    }

    @Test
    void reads_iso_strings_java_time_values_and_epoch_seconds() {
        var paris = aProspect().inZone("Europe/Paris")
                .withCustom("instant", Instant.parse("2026-01-01T23:30:00Z"))
                .withCustom("day", LocalDate.of(2026, 5, 1))
                .withCustom("epoch", 0L)
                .withCustom("iso", "2026-01-01T23:30:00Z")
                .withCustom("local", "2026-02-02T10:00:00")
                .withCustom("offset", "2026-02-02T10:00:00+05:00");
        String formats = "{{ custom.instant | date: '%d %H:%M' }}|{{ custom.day | date: '%d/%m' }}|"
                + "{{ custom.epoch | date: '%Y %H' }}|{{ custom.iso | date: '%d %H:%M' }}|"
                + "{{ custom.local | date: '%H:%M' }}|{{ custom.offset | date: '%H:%M' }}";
        assertThat(body(formats, paris)).isEqualTo("02 00:30|01/05|1970 01|02 00:30|10:00|06:00");
    }

    @Test
    void what_is_not_a_date_comes_back_unchanged() {
        assertThat(body("{{ 'soon' | date: '%Y' }}", aProspect())).isEqualTo("soon");
    }
}
