package dev.relance.engine.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import dev.relance.engine.sequence.Variant;

class VariantPickerTest {

    private static final List<Variant> SEVENTY_THIRTY = List.of(
            new Variant(1, "A", 70, 10, 1, 100, "A", null, "a"),
            new Variant(2, "B", 30, 11, 1, 101, "B", null, "b"));

    @Test
    void the_same_enrollment_always_gets_the_same_variant() {
        for (long enrollment = 0; enrollment < 100; enrollment++) {
            assertThat(VariantPicker.pick(SEVENTY_THIRTY, enrollment, 5)).isEqualTo(VariantPicker.pick(SEVENTY_THIRTY, enrollment, 5));
        }
    }

    @Test
    void variants_are_given_out_in_proportion_to_their_weights() {
        Map<String, Long> counts = LongStream.range(0, 20_000)
                .mapToObj(enrollment -> VariantPicker.pick(SEVENTY_THIRTY, enrollment, 5).label())
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(counts.get("A")).isBetween(13_600L, 14_400L);
        assertThat(counts.get("B")).isBetween(5_600L, 6_400L);
    }

    @Test
    void a_variant_of_weight_zero_is_never_picked() {
        List<Variant> paused = List.of(new Variant(1, "A", 1, 10, 1, 100, "A", null, "a"),
                new Variant(2, "B", 0, 11, 1, 101, "B", null, "b"));
        assertThat(LongStream.range(0, 1_000).mapToObj(e -> VariantPicker.pick(paused, e, 5).label())).containsOnly("A");
    }
}
