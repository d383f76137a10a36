package dev.relance.engine.pipeline;

import static dev.relance.engine.testing.Drafts.aUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import dev.relance.engine.EngineTest;
import dev.relance.engine.event.EventLog;
import dev.relance.engine.event.EventType;
import dev.relance.engine.event.NewEvent;
import dev.relance.engine.pipeline.PipelineMetrics.CurrencyMetrics;
import dev.relance.engine.pipeline.PipelineMetrics.Durations;
import dev.relance.engine.pipeline.PipelineMetrics.ForecastMonth;
import dev.relance.engine.pipeline.PipelineMetrics.StageMetrics;
import dev.relance.engine.prospect.Prospect;
import dev.relance.engine.prospect.ProspectService;
import dev.relance.engine.sequence.SequenceService;
import dev.relance.engine.support.InvalidInputException;
import dev.relance.engine.testing.Drafts;
import dev.relance.engine.testing.MutableClock;
import dev.relance.engine.user.Role;
import dev.relance.engine.user.TeamDraft;
import dev.relance.engine.user.TeamService;
import dev.relance.engine.user.UserService;

/**
 * Every stage metric on a small fixed dataset, computed by hand below. Its own context (the property)
 * gives it a database of its own, so no other test's opportunities count.
 *
 * <p>Stages (position, probability): SAL 3 (0.10), SQL 4 (0.25), OPPORTUNITY 5 (0.50), CLOSED_WON 6,
 * CLOSED_LOST 7. Period: March 2026; "now" is 1 April 2026. Days are at 00:00 UTC.
 *
 * <pre>
 * opp  owner currency amount  source  history
 * o1   A     EUR      10000   seq S   SAL Mar 2, SQL Mar 4, OPPORTUNITY Mar 8, WON Mar 18   (first SENT Feb 20)
 * o2   A     EUR       5000           SAL Mar 3, OPPORTUNITY Mar 5 (SQL skipped); close Apr 15
 * o3   B     USD       8000   seq S   SAL Mar 6, SQL Mar 10, LOST Mar 12, reopened OPPORTUNITY Mar 20, WON Mar 25
 *                                     (first SENT Mar 1 to the prospect, Feb 25 to a colleague at the account)
 * o4   B     USD       2000           SQL Mar 10; close Apr 30
 * o5   A     (none)                   SAL Mar 15
 * o6   A     EUR       4000           SAL Mar 2, LOST Mar 9
 * o7   B     EUR       3000           SQL Feb 10 (before the period), OPPORTUNITY Mar 11; close May 10
 * o8   A     (none)                   SAL 2025-06-02, LOST Jun 5, reopened SAL Jul 3, SQL Jul 10, LOST Jul 20
 * </pre>
 *
 * <p>o8 lives in June and July 2025 only (and is closed now): it is there for entries, which count an
 * opportunity in a stage once, on its first entry, and changes no March figure.
 */
@EngineTest
@TestPropertySource(properties = "relance.pipeline.qualified-reply-stage=SAL")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PipelineMetricsTest {

    private static final LocalDate MARCH_1 = LocalDate.parse("2026-03-01");
    private static final LocalDate MARCH_31 = LocalDate.parse("2026-03-31");

    @Autowired
    OpportunityService opportunities;
    @Autowired
    PipelineMetricsService metrics;
    @Autowired
    ProspectService prospects;
    @Autowired
    SequenceService sequences;
    @Autowired
    UserService users;
    @Autowired
    TeamService teams;
    @Autowired
    EventLog events;
    @Autowired
    MutableClock clock;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    long ownerA;
    long ownerB;
    long sequenceS;

    @BeforeAll
    void theDataset() {
        ownerA = user("ae-a");
        ownerB = user("ae-b");
        sequenceS = sequences.create(Drafts.aSequence().build(), ownerA).id();

        Prospect p1 = prospect("buyer@one.test");
        sent(p1, "2026-02-20");
        long o1 = create(p1, "SAL", "10000", "EUR", null, ownerA, sequenceS, "2026-03-02");
        move(o1, "SQL", "2026-03-04");
        move(o1, "OPPORTUNITY", "2026-03-08");
        move(o1, "CLOSED_WON", "2026-03-18");

        long o2 = create(prospect("buyer@two.test"), "SAL", "5000", "EUR", "2026-04-15", ownerA, null, "2026-03-03");
        move(o2, "OPPORTUNITY", "2026-03-05");

        Prospect p3 = prospect("buyer@three.test");
        sent(p3, "2026-03-01");
        sent(prospect("colleague@three.test"), "2026-02-25");
        long o3 = create(p3, "SAL", "8000", "USD", null, ownerB, sequenceS, "2026-03-06");
        move(o3, "SQL", "2026-03-10");
        move(o3, "CLOSED_LOST", "2026-03-12");
        move(o3, "OPPORTUNITY", "2026-03-20");
        move(o3, "CLOSED_WON", "2026-03-25");

        create(prospect("buyer@four.test"), "SQL", "2000", "USD", "2026-04-30", ownerB, null, "2026-03-10");

        create(prospect("buyer@five.test"), "SAL", null, null, null, ownerA, null, "2026-03-15");

        long o6 = create(prospect("buyer@six.test"), "SAL", "4000", "EUR", null, ownerA, null, "2026-03-02");
        move(o6, "CLOSED_LOST", "2026-03-09");

        long o7 = create(prospect("buyer@seven.test"), "SQL", "3000", "EUR", "2026-05-10", ownerB, null, "2026-02-10");
        move(o7, "OPPORTUNITY", "2026-03-11");

        long o8 = create(prospect("buyer@eight.test"), "SAL", null, null, null, ownerA, null, "2025-06-02");
        move(o8, "CLOSED_LOST", "2025-06-05");
        move(o8, "SAL", "2025-07-03");
        move(o8, "SQL", "2025-07-10");
        move(o8, "CLOSED_LOST", "2025-07-20");

        clock.set(Instant.parse("2026-04-01T00:00:00Z"));
    }

    @Test
    void a_stage_entered_again_counts_once_on_the_first_entry_whose_cohort_it_stays_in() {
        // June 2025: o8 entered SAL (Jun 2) and later reached SQL (Jul 10, after its reopening): 1/1.
        // It entered LOST on Jun 5. The stay in SAL Jun 2-5 (3d) ended in June.
        Map<String, StageMetrics> june = stages("2025-06-01", "2025-06-30");
        assertThat(june.get("SAL").entered()).isEqualTo(1);
        assertThat(june.get("SAL").conversionRate()).isEqualByComparingTo("1.0000");
        assertThat(june.get("CLOSED_LOST").entered()).isEqualTo(1);
        assertDurations(june.get("SAL").timeInStage(), 1, "3.00", "3.00");
        // July 2025: back in SAL on Jul 3 and in LOST on Jul 20, both entered before: not entered again.
        // SQL first entered Jul 10, then lost: 0/1. Stays ended in July: LOST Jun 5 - Jul 3 (28d),
        // SAL Jul 3-10 (7d), SQL Jul 10-20 (10d): every stay counts, not only the first.
        Map<String, StageMetrics> july = stages("2025-07-01", "2025-07-31");
        assertThat(july.get("SAL").entered()).isZero();
        assertThat(july.get("CLOSED_LOST").entered()).isZero();
        assertThat(july.get("SQL").entered()).isEqualTo(1);
        assertThat(july.get("SQL").conversionRate()).isEqualByComparingTo("0.0000");
        assertDurations(july.get("CLOSED_LOST").timeInStage(), 1, "28.00", "28.00");
        assertDurations(july.get("SAL").timeInStage(), 1, "7.00", "7.00");
        assertDurations(july.get("SQL").timeInStage(), 1, "10.00", "10.00");
        // Lost on Jul 20 and still lost: July's win rate is 0 / 1.
        PipelineMetrics ofJuly = metrics.metrics(new MetricsQuery(LocalDate.parse("2025-07-01"),
                LocalDate.parse("2025-07-31"), ownerA, null));
        assertThat(ofJuly.winRate()).isEqualTo(new PipelineMetrics.WinRate(0, 1, new BigDecimal("0.0000")));
    }

    @Test
    void entries_count_opportunities_entering_each_stage_for_the_first_time_and_a_skipped_stage_is_not_entered() {
        Map<String, StageMetrics> stages = march(null, null);
        // SAL: o1 o2 o3 o5 o6. SQL: o1 o3 o4 (o2 skipped it; o7 entered in February).
        // OPPORTUNITY: o1 o2 o3 (after reopening) o7. WON: o1 o3. LOST: o3 o6.
        assertThat(stages.get("INQUIRY").entered()).isZero();
        assertThat(stages.get("SAL").entered()).isEqualTo(5);
        assertThat(stages.get("SQL").entered()).isEqualTo(3);
        assertThat(stages.get("OPPORTUNITY").entered()).isEqualTo(4);
        assertThat(stages.get("CLOSED_WON").entered()).isEqualTo(2);
        assertThat(stages.get("CLOSED_LOST").entered()).isEqualTo(2);
    }

    @Test
    void conversion_is_the_share_of_a_stage_cohort_that_later_reached_a_higher_stage_other_than_lost() {
        Map<String, StageMetrics> stages = march(null, null);
        // SAL: o1 (SQL), o2 (OPPORTUNITY, SQL skipped), o3 (SQL) advanced; o5 stayed; o6 went to LOST only: 3/5.
        assertThat(stages.get("SAL").advanced()).isEqualTo(3);
        assertThat(stages.get("SAL").conversionRate()).isEqualByComparingTo("0.6000");
        // SQL: o1 (OPPORTUNITY), o3 (LOST, then OPPORTUNITY after reopening) advanced; o4 stayed: 2/3.
        assertThat(stages.get("SQL").advanced()).isEqualTo(2);
        assertThat(stages.get("SQL").conversionRate()).isEqualByComparingTo("0.6667");
        // OPPORTUNITY: o1 and o3 won; o2 and o7 still open: 2/4.
        assertThat(stages.get("OPPORTUNITY").conversionRate()).isEqualByComparingTo("0.5000");
        // Nothing entered INQUIRY: no rate rather than 0. Closed stages have no conversion.
        assertThat(stages.get("INQUIRY").conversionRate()).isNull();
        assertThat(stages.get("CLOSED_WON").conversionRate()).isNull();
        assertThat(stages.get("CLOSED_LOST").advanced()).isNull();
    }

    @Test
    void time_in_stage_counts_the_stays_that_ended_in_the_period() {
        Map<String, StageMetrics> stages = march(null, null);
        // SAL stays: o1 Mar 2-4 = 2d, o2 Mar 3-5 = 2d, o3 Mar 6-10 = 4d, o6 Mar 2-9 = 7d (o5 is still there).
        // mean 15/4 = 3.75; median (2 + 4) / 2 = 3.
        assertDurations(stages.get("SAL").timeInStage(), 4, "3.75", "3.00");
        // SQL stays: o1 Mar 4-8 = 4d, o3 Mar 10-12 = 2d, o7 Feb 10 - Mar 11 = 29d (it ended in March).
        // mean 35/3 = 11.67; median 4.
        assertDurations(stages.get("SQL").timeInStage(), 3, "11.67", "4.00");
        // OPPORTUNITY: o1 Mar 8-18 = 10d, o3 Mar 20-25 = 5d: mean and median 7.5.
        assertDurations(stages.get("OPPORTUNITY").timeInStage(), 2, "7.50", "7.50");
        // LOST: o3 Mar 12-20 = 8d before reopening (o6 is still lost: no closed stay).
        assertDurations(stages.get("CLOSED_LOST").timeInStage(), 1, "8.00", "8.00");
        assertDurations(stages.get("CLOSED_WON").timeInStage(), 0, null, null);
    }

    @Test
    void win_rate_and_sales_cycle_read_the_opportunities_closed_in_the_period() {
        PipelineMetrics march = metrics.metrics(new MetricsQuery(MARCH_1, MARCH_31, null, null));
        // Closed in March and still closed: o1 WON, o3 WON (its March 12 loss was undone), o6 LOST: 2 / 3.
        assertThat(march.winRate().won()).isEqualTo(2);
        assertThat(march.winRate().lost()).isEqualTo(1);
        assertThat(march.winRate().rate()).isEqualByComparingTo("0.6667");
        // Cycles: o1 Feb 20 -> Mar 18 = 26d; o3 Feb 25 (the colleague's first email) -> Mar 25 = 28d.
        assertDurations(march.salesCycle(), 2, "27.00", "27.00");
    }

    @Test
    void pipeline_value_velocity_and_forecast_are_per_currency() {
        PipelineMetrics march = metrics.metrics(new MetricsQuery(MARCH_1, MARCH_31, null, null));
        Map<String, CurrencyMetrics> currencies = march.currencies().stream()
                .collect(Collectors.toMap(CurrencyMetrics::currency, Function.identity()));
        assertThat(currencies).containsOnlyKeys("EUR", "USD");
        // EUR open: o2 5000 at OPPORTUNITY (x0.50) + o7 3000 at OPPORTUNITY (x0.50) = 8000, weighted 4000.
        // Won o1 10000 (cycle 26d), lost o6: win rate 1/2.
        // Velocity 2 open x 0.5 x 10000 / 26 days = 384.615... = 384.62 a day.
        assertThat(currencies.get("EUR")).isEqualTo(new CurrencyMetrics("EUR", 2, "8000.00", "4000.00", 1, 1,
                new BigDecimal("0.5000"), "10000.00", new BigDecimal("26.00"), "384.62"));
        // USD open: o4 2000 at SQL (x0.25) = 500 weighted. Won o3 8000 (cycle 28d), none lost.
        // Velocity 1 x 1 x 8000 / 28 = 285.714... = 285.71.
        assertThat(currencies.get("USD")).isEqualTo(new CurrencyMetrics("USD", 1, "2000.00", "500.00", 1, 0,
                new BigDecimal("1.0000"), "8000.00", new BigDecimal("28.00"), "285.71"));
        // o5 has no amount: counted apart, in no currency.
        assertThat(march.openWithoutAmount()).isEqualTo(1);
        // Forecast by expected close month: o2 (Apr, EUR), o4 (Apr, USD), o7 (May, EUR).
        assertThat(march.forecast()).containsExactly(
                new ForecastMonth("2026-04", "EUR", 1, "5000.00", "2500.00"),
                new ForecastMonth("2026-04", "USD", 1, "2000.00", "500.00"),
                new ForecastMonth("2026-05", "EUR", 1, "3000.00", "1500.00"));
    }

    @Test
    void an_empty_period_has_no_entries_no_rates_and_keeps_the_open_pipeline() {
        PipelineMetrics january = metrics.metrics(new MetricsQuery(LocalDate.parse("2026-01-01"),
                LocalDate.parse("2026-01-31"), null, null));
        assertThat(january.stages()).allSatisfy(stage -> {
            assertThat(stage.entered()).isZero();
            assertThat(stage.conversionRate()).isNull();
            assertThat(stage.timeInStage().samples()).isZero();
        });
        assertThat(january.winRate().rate()).isNull();
        assertThat(january.salesCycle()).isEqualTo(new Durations(0, null, null));
        // The open pipeline is as of now, whatever the period; without wins there is no velocity.
        assertThat(january.currencies()).extracting(CurrencyMetrics::currency).containsExactly("EUR", "USD");
        assertThat(january.currencies()).allSatisfy(c -> {
            assertThat(c.winRate()).isNull();
            assertThat(c.velocityPerDay()).isNull();
        });
    }

    @Test
    void filters_by_owner_and_by_source_sequence() {
        // Owner A: o1 o2 o5 o6. SAL: all four; SQL: o1; OPPORTUNITY: o1 o2. Closed: o1 won, o6 lost.
        Map<String, StageMetrics> a = march(ownerA, null);
        assertThat(a.get("SAL").entered()).isEqualTo(4);
        assertThat(a.get("SQL").entered()).isEqualTo(1);
        assertThat(a.get("OPPORTUNITY").entered()).isEqualTo(2);
        PipelineMetrics ofA = metrics.metrics(new MetricsQuery(MARCH_1, MARCH_31, ownerA, null));
        assertThat(ofA.winRate().rate()).isEqualByComparingTo("0.5000");
        // Sequence S: o1 and o3, both won.
        PipelineMetrics ofS = metrics.metrics(new MetricsQuery(MARCH_1, MARCH_31, null, sequenceS));
        assertThat(ofS.stages().stream().filter(s -> s.key().equals("SAL")).findFirst().orElseThrow().entered())
                .isEqualTo(2);
        assertThat(ofS.winRate().won()).isEqualTo(2);
        assertThat(ofS.winRate().rate()).isEqualByComparingTo("1.0000");
    }

    @Test
    void a_team_sums_its_members_and_an_owner_outside_the_team_or_an_empty_team_has_nothing() {
        long both = teams.create(new TeamDraft("pod-" + System.nanoTime())).id();
        long onlyA = teams.create(new TeamDraft("pod-a-" + System.nanoTime())).id();
        long empty = teams.create(new TeamDraft("pod-empty-" + System.nanoTime())).id();
        jdbc.sql("UPDATE app_user SET team_id = :t WHERE id = :a").param("t", onlyA).param("a", ownerA).update();
        jdbc.sql("UPDATE app_user SET team_id = :t WHERE id = :b").param("t", both).param("b", ownerB).update();
        // ownerA moves to the two-member team below; first, a team of A alone is A's figures.
        PipelineMetrics ofTeamA = metrics.metrics(new MetricsQuery(MARCH_1, MARCH_31, null, null, onlyA));
        assertThat(ofTeamA.winRate()).isEqualTo(metrics.metrics(new MetricsQuery(MARCH_1, MARCH_31, ownerA, null)).winRate());
        assertThat(ofTeamA.teamId()).isEqualTo(onlyA);
        jdbc.sql("UPDATE app_user SET team_id = :t WHERE id = :a").param("t", both).param("a", ownerA).update();

        // SAL in March: A's four (o1 o2 o5 o6) and B's o3 (o4 skipped SAL; o7 entered in February).
        Map<String, StageMetrics> team = metrics.metrics(new MetricsQuery(MARCH_1, MARCH_31, null, null, both)).stages()
                .stream().collect(Collectors.toMap(StageMetrics::key, Function.identity()));
        assertThat(team.get("SAL").entered()).isEqualTo(5);
        assertThat(team.get("SAL").entered()).isEqualTo(march(ownerA, null).get("SAL").entered()
                + march(ownerB, null).get("SAL").entered());
        PipelineMetrics ofBoth = metrics.metrics(new MetricsQuery(MARCH_1, MARCH_31, null, null, both));
        // Closed in March: o1 and o3 won, o6 lost.
        assertThat(ofBoth.winRate().won()).isEqualTo(2);
        assertThat(ofBoth.winRate().lost()).isEqualTo(1);
        assertThat(metrics.metrics(new MetricsQuery(MARCH_1, MARCH_31, ownerB, sequenceS, both)).winRate().won())
                .as("owner and team together: the owner, when a member").isEqualTo(1);
        assertThat(metrics.metrics(new MetricsQuery(MARCH_1, MARCH_31, null, null, empty)).stages())
                .allSatisfy(stage -> assertThat(stage.entered()).isZero());
        assertThat(metrics.metrics(new MetricsQuery(MARCH_1, MARCH_31, ownerA, null, onlyA)).winRate().won())
                .as("an owner outside the team").isZero();
        assertThatThrownBy(() -> metrics.metrics(new MetricsQuery(MARCH_1, MARCH_31, null, null, 999_999L)))
                .isInstanceOf(dev.relance.engine.support.NotFoundException.class);
    }

    @Test
    void the_stage_history_refuses_updates_and_deletes() {
        assertThatThrownBy(() -> jdbc.sql("UPDATE stage_transition SET reason = 'rewritten'").update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM stage_transition").update())
                .hasMessageContaining("append-only");
    }

    @Test
    void a_period_that_ends_before_it_starts_is_refused() {
        assertThatThrownBy(() -> metrics.metrics(new MetricsQuery(MARCH_31, MARCH_1, null, null)))
                .isInstanceOf(InvalidInputException.class);
    }

    private Map<String, StageMetrics> stages(String from, String to) {
        return metrics.metrics(new MetricsQuery(LocalDate.parse(from), LocalDate.parse(to), null, null)).stages()
                .stream().collect(Collectors.toMap(StageMetrics::key, Function.identity()));
    }

    private Map<String, StageMetrics> march(Long owner, Long sequence) {
        return metrics.metrics(new MetricsQuery(MARCH_1, MARCH_31, owner, sequence)).stages().stream()
                .collect(Collectors.toMap(StageMetrics::key, Function.identity()));
    }

    private static void assertDurations(Durations durations, int samples, String mean, String median) {
        assertThat(durations.samples()).isEqualTo(samples);
        assertThat(durations.meanDays()).isEqualTo(mean == null ? null : new BigDecimal(mean));
        assertThat(durations.medianDays()).isEqualTo(median == null ? null : new BigDecimal(median));
    }

    private long user(String name) {
        return users.create(aUser(Role.SDR, name)).id();
    }

    private Prospect prospect(String email) {
        return prospects.create(Drafts.aProspect().withEmail(email).build());
    }

    private void sent(Prospect prospect, String day) {
        events.append(new NewEvent(EventType.SENT, at(day), null, null, null, null, null, prospect.id(), null, null,
                null, Map.of()));
    }

    private long create(Prospect prospect, String stage, String amount, String currency, String closeDate, long owner,
            Long sequence, String day) {
        clock.set(at(day));
        return opportunities.create(new OpportunityDraft("Deal with " + prospect.email(), null, prospect.id(), stage,
                amount, currency, closeDate == null ? null : LocalDate.parse(closeDate), owner, null, sequence, null,
                null, null, null), owner).id();
    }

    private void move(long opportunity, String stage, String day) {
        clock.set(at(day));
        opportunities.move(opportunity, stage, null, null);
    }

    private static Instant at(String day) {
        return Instant.parse(day + "T00:00:00Z");
    }
}
