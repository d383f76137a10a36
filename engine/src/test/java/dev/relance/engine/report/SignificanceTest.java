package dev.relance.engine.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.relance.engine.report.SequenceReport.AbTest;
import dev.relance.engine.report.SequenceReport.VariantReport;
import dev.relance.engine.report.Significance.ZTest;

/**
 * The two-proportion z-test against values computed independently (Python:
 * {@code p = (x1 + x2) / (n1 + n2); se = sqrt(p (1 - p) (1/n1 + 1/n2)); z = (x2/n2 - x1/n1) / se;
 * math.erfc(|z| / sqrt 2)}, and scipy.stats.norm.sf for the tail: 2 * norm.sf(2.677398) = 0.0074196).
 */
class SignificanceTest {

    @Test
    void two_hundred_of_a_thousand_against_two_hundred_fifty_of_a_thousand() {
        // pooled 450 / 2000 = 0.225; se = sqrt(0.225 * 0.775 * 0.002) = 0.0186748; z = 0.05 / 0.0186748 = 2.677398
        ZTest test = Significance.twoProportions(200, 1000, 250, 1000);
        assertThat(test.z()).isCloseTo(2.677398, within(1e-6));
        assertThat(test.pValue()).isCloseTo(0.0074196, within(1e-6));
        assertThat(test.significantAt(0.05)).isTrue();
        assertThat(test.significantAt(0.005)).isFalse();
    }

    @Test
    void other_known_values() {
        // 100/1000 vs 130/1000: z = 2.102741, p = 0.035488
        ZTest test = Significance.twoProportions(100, 1000, 130, 1000);
        assertThat(test.z()).isCloseTo(2.102741, within(1e-6));
        assertThat(test.pValue()).isCloseTo(0.035488, within(1e-6));
        // the same rates: z = 0, p = 1
        assertThat(Significance.twoProportions(5, 50, 10, 100).pValue()).isCloseTo(1.0, within(1e-7));
        // B below A: z is negative, p the same
        assertThat(Significance.twoProportions(250, 1000, 200, 1000).z()).isCloseTo(-2.677398, within(1e-6));
    }

    @Test
    void nothing_delivered_or_no_variance_gives_no_numbers_never_nan() {
        assertThat(Significance.twoProportions(0, 0, 5, 100)).isEqualTo(new ZTest(null, null));
        assertThat(Significance.twoProportions(0, 100, 0, 100)).isEqualTo(new ZTest(null, null));
        assertThat(Significance.twoProportions(100, 100, 50, 50)).isEqualTo(new ZTest(null, null));
    }

    @Test
    void a_winner_only_below_alpha_and_zero_send_variants_are_left_out() {
        VariantReport a = variant(1L, "A", 1000, 200, 100);
        VariantReport b = variant(2L, "B", 1000, 250, 100);
        VariantReport c = variant(3L, "C", 0, 0, 0);

        AbTest replies = AbTests.of(List.of(a, b, c), 0.05).getFirst();
        assertThat(replies.verdict()).isEqualTo("WINNER");
        assertThat(replies.winnerLabel()).isEqualTo("B");
        assertThat(replies.comparisons()).singleElement().satisfies(cmp -> {
            assertThat(cmp.leaderVariantId()).isEqualTo(2L);
            assertThat(cmp.pValue()).isCloseTo(0.0074196, within(1e-6));
        });
        assertThat(AbTests.of(List.of(a, b), 0.005).getFirst().verdict()).isEqualTo("NO_WINNER_YET");
        // interested 100/1000 each: no difference
        assertThat(AbTests.of(List.of(a, b), 0.05).get(1).verdict()).isEqualTo("NO_WINNER_YET");
        assertThat(AbTests.of(List.of(a, c), 0.05)).allSatisfy(test -> {
            assertThat(test.verdict()).isEqualTo("NO_WINNER_YET");
            assertThat(test.comparisons()).isEmpty();
        });
        assertThat(AbTests.of(List.of(a), 0.05)).isEmpty();
    }

    @Test
    void with_three_variants_alpha_is_divided_by_the_comparisons() {
        // B beats A at p = 0.0074 < 0.05 / 2, but beats D (230/1000) only at p = 0.29: no winner
        VariantReport a = variant(1L, "A", 1000, 200, 0);
        VariantReport b = variant(2L, "B", 1000, 250, 0);
        VariantReport d = variant(4L, "D", 1000, 230, 0);
        AbTest replies = AbTests.of(List.of(a, b, d), 0.05).getFirst();
        assertThat(replies.verdict()).isEqualTo("NO_WINNER_YET");
        assertThat(replies.comparisons()).hasSize(2);
    }

    private static VariantReport variant(Long id, String label, long sent, long replied, long interested) {
        Tally tally = new Tally();
        tally.set(Tally.SENT, sent);
        tally.set(Tally.REPLIED, replied);
        tally.set(Tally.INTERESTED, interested);
        return new VariantReport(id, label, Metrics.of(tally), null);
    }
}
