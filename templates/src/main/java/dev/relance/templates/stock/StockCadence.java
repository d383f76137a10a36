package dev.relance.templates.stock;

import java.util.List;

/**
 * A starter cadence in one language, ready to be copied into a sequence.
 *
 * @param key the same for every language of a cadence, e.g. {@code cold-calling-referral}
 * @param locale the language of the copy: {@code en}, {@code fr}
 * @param name the name a copied sequence starts with
 * @param description what the cadence does, for the library
 * @param steps the steps in order, never empty
 */
public record StockCadence(String key, String locale, String name, String description, List<StockStep> steps) {

    public StockCadence {
        steps = List.copyOf(steps);
    }
}
