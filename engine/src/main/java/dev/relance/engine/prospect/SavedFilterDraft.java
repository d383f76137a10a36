package dev.relance.engine.prospect;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What a user writes to save a filter; its name is unique among the owner's filters. */
public record SavedFilterDraft(@NotBlank @Size(max = 200) String name, @NotNull @Valid ProspectCriteria criteria) {
}
