package dev.relance.engine.enrollment.bulk;

import java.util.List;

import dev.relance.engine.prospect.ProspectCriteria;

/**
 * Which prospects a bulk enrollment job takes. The selection is made once, by the job's first step
 * ({@code EnrollmentJobRepository.select}), one named statement per kind of source.
 */
public sealed interface EnrollmentSource {

    /** Prospects matching criteria (given inline, or copied from a saved filter); erased prospects are never selected. */
    record ByFilter(ProspectCriteria criteria) implements EnrollmentSource {
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
