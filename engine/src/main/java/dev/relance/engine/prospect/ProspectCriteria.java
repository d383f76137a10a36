package dev.relance.engine.prospect;

import java.time.Instant;

import jakarta.validation.constraints.Size;

import dev.relance.engine.support.InvalidInputException;

/**
 * Which prospects a filter selects; null criteria mean "any". Saved as a {@link SavedFilter}, or given
 * inline to a bulk enrollment job.
 *
 * @param customField with {@code customValue}: prospects whose custom field equals that text
 * @param createdFrom inclusive
 * @param createdTo exclusive
 */
public record ProspectCriteria(Long ownerId, Long accountId, @Size(max = 100) String customField,
        @Size(max = 1000) String customValue, Instant createdFrom, Instant createdTo) {

    /** Checks what annotations cannot: fields that go together, and a period that runs forwards. */
    public ProspectCriteria checked(String prefix) {
        if ((customField == null) != (customValue == null)) {
            throw new InvalidInputException(prefix + ".customValue", "customField and customValue go together");
        }
        if (createdFrom != null && createdTo != null && !createdFrom.isBefore(createdTo)) {
            throw new InvalidInputException(prefix + ".createdTo", "must be after createdFrom");
        }
        return this;
    }

    /** The same criteria limited to one owner's prospects. */
    public ProspectCriteria ownedBy(long owner) {
        return new ProspectCriteria(owner, accountId, customField, customValue, createdFrom, createdTo);
    }
}
