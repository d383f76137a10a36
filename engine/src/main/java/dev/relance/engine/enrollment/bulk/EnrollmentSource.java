package dev.relance.engine.enrollment.bulk;

import java.time.Instant;
import java.util.List;

/**
 * Which prospects a bulk enrollment job takes. The selection is made once, by the job's first step
 * ({@code EnrollmentJobRepository.select}), one named statement per kind of source.
 *
 * <p>Extension point for imports: an {@code Imported(long importId)} record permitted here, and a
 * {@code SELECT_IMPORTED} statement that selects the prospects of that import, is all an import
 * source needs; the chunk step and the report do not change.
 */
public sealed interface EnrollmentSource {

    /**
     * A saved filter; null criteria mean "any". Erased prospects are never selected.
     *
     * @param customField with {@code customValue}: prospects whose custom field equals that text
     * @param createdFrom inclusive
     * @param createdTo exclusive
     */
    record ByFilter(Long ownerId, Long accountId, String customField, String customValue, Instant createdFrom,
            Instant createdTo) implements EnrollmentSource {
    }

    /** An explicit list of prospect ids; an id of no prospect is reported as not-found. */
    record ByList(List<Long> prospectIds) implements EnrollmentSource {

        public ByList {
            prospectIds = List.copyOf(prospectIds);
        }
    }
}
