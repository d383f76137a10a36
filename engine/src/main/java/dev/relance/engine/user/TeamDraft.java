package dev.relance.engine.user;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A team as created or renamed; names are unique, whatever their case. */
public record TeamDraft(@NotBlank @Size(max = 200) String name) {
}
