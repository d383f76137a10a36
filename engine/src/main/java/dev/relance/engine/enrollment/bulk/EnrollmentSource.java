package dev.relance.engine.enrollment.bulk;

import java.time.Instant;
import java.util.List;

/**
 * Which prospects a bulk enrollment job takes. The selection is made once, by the job's first step
 * ({@code EnrollmentJobRepository.select}), one named statement per kind of source.
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

    /** The prospects an import's valid rows landed on (created, updated or unchanged); erased ones are not selected. */
    record ByImport(long importId) implements EnrollmentSource {
    }

    /** An explicit list of prospect ids; an id of no prospect is reported as not-found. */
    record ByList(List<Long> prospectIds) implements EnrollmentSource {

        public ByList {
            prospectIds = List.copyOf(prospectIds);
        }
    }
}
