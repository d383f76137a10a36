package dev.relance.engine.prospect;

import java.util.List;

/**
 * What {@link ProspectImports#upsert} did: each row's outcome (in the rows' order), and the ids of the
 * prospects the rows landed on, each once.
 */
public record Upserted(List<UpsertOutcome> outcomes, List<Long> prospectIds) {

    public static final Upserted NOTHING = new Upserted(List.of(), List.of());
}
