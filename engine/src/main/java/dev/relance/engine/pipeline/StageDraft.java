package dev.relance.engine.pipeline;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A stage as created or replaced. A new stage goes last; {@code PUT .../stages/order} moves it.
 *
 * @param key upper-case letters, digits and underscores; it cannot change once created
 * @param probability 0 to 1, at most 4 decimals
 */
public record StageDraft(
        @NotBlank @Size(max = 40) @Pattern(regexp = "[A-Z][A-Z0-9_]*", message = "must be upper-case letters, digits and _ such as SQL") String key,
        @NotBlank @Size(max = 100) @Pattern(regexp = "[^\\r\\n]*", message = "must not contain line breaks") String name,
        @NotNull @DecimalMin("0") @DecimalMax("1") @Digits(integer = 1, fraction = 4) BigDecimal probability,
        @NotNull StageCategory category) {
}
