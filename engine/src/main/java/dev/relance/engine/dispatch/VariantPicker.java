package dev.relance.engine.dispatch;

import java.util.List;

import dev.relance.engine.sequence.Variant;

/**
 * Picks the A/B variant of a step for an enrollment: weighted, and always the same for the same
 * enrollment and step, so a retry or a re-render never switches variant.
 */
final class VariantPicker {

    private VariantPicker() {
    }

    static Variant pick(List<Variant> variants, long enrollmentId, long stepId) {
        long total = variants.stream().mapToLong(Variant::weight).sum();
        if (total <= 0) {
            throw new IllegalStateException("step " + stepId + " has no variant with a weight");
        }
        long point = Math.floorMod(mix(enrollmentId * 31 + stepId), total);
        for (Variant variant : variants) {
            point -= variant.weight();
            if (point < 0) {
                return variant;
            }
        }
        throw new IllegalStateException("unreachable");
    }

    /** SplitMix64's finaliser: consecutive ids land far apart. */
    static long mix(long value) {
        long z = value + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
