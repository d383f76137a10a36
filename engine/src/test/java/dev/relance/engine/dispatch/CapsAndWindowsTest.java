package dev.relance.engine.dispatch;

import static dev.relance.engine.dispatch.Cadences.email;
import static dev.relance.engine.dispatch.Cadences.everyDay;
import static dev.relance.engine.dispatch.Cadences.greenMailMailbox;
import static dev.relance.engine.dispatch.Cadences.sequence;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.relance.engine.enrollment.EnrollmentRequest;
import dev.relance.engine.mailbox.Mailbox;
import dev.relance.engine.prospect.Prospect;
import dev.relance.engine.prospect.ProspectDraft;
import dev.relance.engine.sequence.DelayUnit;
import dev.relance.engine.sequence.Sequence;
import dev.relance.engine.sequence.ThreadMode;
import dev.relance.engine.support.Timestamps;

@DispatchTest
class CapsAndWindowsTest extends DispatchTestBase {

    @Test
    void a_cap_of_50_a_day_sends_exactly_50_a_day_and_all_200_within_four_days() {
        clock.set(Instant.parse("2026-03-01T23:00:00Z")); // Monday 00:00 in Paris: test days are Paris days
        Mailbox mailbox = mailboxes.create(greenMailMailbox(sdr.id(), greenMail.getSmtp().getPort(), null, 50, 1000, 0));
        Sequence sequence = sequences.create(sequence(List.of(email(0, DelayUnit.MINUTES, ThreadMode.NEW_THREAD, "Hello",
                "Hi {{ first_name }}")), everyDay(), LocalTime.of(0, 0), LocalTime.of(23, 59), null), sdr.id());
        for (int i = 0; i < 200; i++) {
            Prospect p = prospects.create(new ProspectDraft("p" + i + "@capped.test", "P" + i, null, null, null, null,
                    "Europe/Paris", "fr-FR", "FR", null, Map.of(), sdr.id(), null, null));
            enrollments.enroll(new EnrollmentRequest(sequence.id(), p.id(), mailbox.id(), null), sdr.id(), sdr.id());
        }

        List<Integer> sentPerDay = new ArrayList<>();
        for (int day = 0; day < 4; day++) {
            for (int hour = 0; hour < 24; hour += 2) {
                dispatcher.runDueWork();
                clock.advance(Duration.ofHours(2));
            }
            sentPerDay.add(greenMail.getReceivedMessages().length - sentPerDay.stream().mapToInt(Integer::intValue).sum());
        }

        assertThat(sentPerDay).containsExactly(50, 50, 50, 50);
        assertThat(perParisDay(mailbox)).allSatisfy((day, count) -> assertThat(count).isEqualTo(50));
        assertThat(jdbc.sql("SELECT count(DISTINCT prospect_id) FROM message WHERE mailbox_id = :m AND state = 'SENT'")
                .param("m", mailbox.id()).query(Long.class).single()).isEqualTo(200);
    }

    @Test
    void across_the_dst_changes_each_step_is_sent_once_inside_its_window() {
        // Friday before both spring changes (New York 8 March, Paris 29 March 2026).
        for (String zone : List.of("America/New_York", "Europe/Paris")) {
            LocalDate friday = zone.equals("America/New_York") ? LocalDate.of(2026, 3, 6) : LocalDate.of(2026, 3, 27);
            ZoneId z = ZoneId.of(zone);
            clock.set(friday.atTime(12, 0).atZone(z).toInstant());
            Mailbox mailbox = mailboxes.create(greenMailMailbox(sdr.id(), greenMail.getSmtp().getPort(), null, 500, 500, 0));
            Sequence sequence = sequences.create(sequence(List.of(
                    email(0, DelayUnit.MINUTES, ThreadMode.NEW_THREAD, "One", "Hi {{ first_name }}"),
                    email(1, DelayUnit.DAYS, ThreadMode.REPLY_IN_THREAD, null, "Two {{ first_name }}"),
                    email(1, DelayUnit.BUSINESS_DAYS, ThreadMode.REPLY_IN_THREAD, null, "Three {{ first_name }}")),
                    Cadences.weekdays(), LocalTime.of(8, 30), LocalTime.of(11, 30), null), sdr.id());
            Prospect p = prospects.create(new ProspectDraft("dst-" + z.getId().replace('/', '-').toLowerCase() + "@dst.test",
                    "Dee", null, null, null, null, zone, "en-US", "US", null, Map.of(), sdr.id(), null, null));
            long enrollment = enrollments.enroll(new EnrollmentRequest(sequence.id(), p.id(), mailbox.id(), null), sdr.id(),
                    sdr.id()).id();

            Instant end = clock.instant().plus(Duration.ofDays(6));
            while (clock.instant().isBefore(end)) {
                dispatcher.runDueWork();
                clock.advance(Duration.ofMinutes(10));
            }

            List<Instant> sent = jdbc.sql("SELECT sent_at FROM message WHERE enrollment_id = :e AND state = 'SENT' ORDER BY sent_at")
                    .param("e", enrollment).query((rs, row) -> Timestamps.instant(rs, "sent_at")).list();
            assertThat(sent).as(zone).hasSize(3);
            assertThat(sent).allSatisfy(at -> {
                LocalTime local = at.atZone(z).toLocalTime();
                assertThat(local).as(zone + " " + at).isBetween(LocalTime.of(8, 30), LocalTime.of(11, 30));
                assertThat(at.atZone(z).getDayOfWeek().getValue()).as(zone + " weekday").isLessThanOrEqualTo(5);
            });
        }
    }

    private Map<LocalDate, Long> perParisDay(Mailbox mailbox) {
        Map<LocalDate, Long> counts = new HashMap<>();
        jdbc.sql("SELECT sent_at FROM message WHERE mailbox_id = :m AND state = 'SENT'").param("m", mailbox.id())
                .query((rs, row) -> Timestamps.instant(rs, "sent_at")).list()
                .forEach(at -> counts.merge(at.atZone(ZoneId.of("Europe/Paris")).toLocalDate(), 1L, Long::sum));
        return counts;
    }
}
