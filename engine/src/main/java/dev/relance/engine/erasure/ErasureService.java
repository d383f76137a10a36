package dev.relance.engine.erasure;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.relance.engine.enrollment.EnrollmentProgress;
import dev.relance.engine.enrollment.EnrollmentState;
import dev.relance.engine.prospect.EmailAddresses;
import dev.relance.engine.prospect.Prospect;
import dev.relance.engine.prospect.ProspectFilter;
import dev.relance.engine.prospect.ProspectService;
import dev.relance.engine.prospect.SuppressionService;
import dev.relance.engine.support.InvalidInputException;
import dev.relance.engine.support.NotFoundException;
import dev.relance.engine.support.PageRequest;

/**
 * The right to be forgotten: erases a person's data everywhere while keeping the rows that counts
 * are made of, ends their live enrollments, and leaves only the SHA-256 of their address, as an
 * ADDRESS_HASH suppression (so they are never contacted again) and in the audit record.
 */
@Service
public class ErasureService {

    private static final Pattern ADDRESS = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final ErasureRepository erasures;
    private final ProspectService prospects;
    private final SuppressionService suppressions;
    private final EnrollmentProgress enrollments;
    private final Clock clock;

    ErasureService(ErasureRepository erasures, ProspectService prospects, SuppressionService suppressions,
            EnrollmentProgress enrollments, Clock clock) {
        this.erasures = erasures;
        this.prospects = prospects;
        this.suppressions = suppressions;
        this.enrollments = enrollments;
        this.clock = clock;
    }

    /** Erases a prospect; a prospect already erased answers its earlier record, changing nothing. */
    @Transactional
    public Erasure eraseProspect(long prospectId, Long erasedBy) {
        Prospect prospect = prospects.get(prospectId);
        if (erasures.erasedAt(prospectId).isPresent()) {
            return erasures.latest(null, prospectId).map(Erasure::again)
                    .orElseThrow(() -> new IllegalStateException("prospect " + prospectId + " is erased without a record"));
        }
        return erase(prospect.email(), prospect, erasedBy);
    }

    /**
     * Erases an address, whether or not a prospect has it (an address never imported, or deleted
     * earlier, is suppressed for good all the same). A second request that finds nothing left
     * answers the earlier record.
     */
    @Transactional
    public Erasure eraseAddress(String email, Long erasedBy) {
        if (email == null || !ADDRESS.matcher(email.trim()).matches()) {
            throw new InvalidInputException("email", "must be an email address");
        }
        String address = EmailAddresses.normalise(email);
        Optional<Prospect> prospect = prospects.list(PageRequest.first(1), new ProspectFilter(null, null, address))
                .items().stream().findFirst();
        return erase(address, prospect.orElse(null), erasedBy);
    }

    public Erasure get(long id) {
        return erasures.findById(id).orElseThrow(() -> new NotFoundException("erasure", id));
    }

    private Erasure erase(String email, Prospect prospect, Long erasedBy) {
        Instant now = clock.instant();
        String hash = suppressions.suppressErased(email);
        Long prospectId = prospect == null ? null : prospect.id();
        int ended = prospect == null ? 0
                : enrollments.endAllOf(prospect.id(), EnrollmentState.STOPPED, "erased");
        Map<String, Integer> counts = erasures.scrub(prospectId, email.trim().toLowerCase(Locale.ROOT),
                names(prospect), now);
        counts.put("enrollmentsEnded", ended);
        Optional<Erasure> earlier = erasures.latest(hash, prospectId);
        if (earlier.isPresent() && counts.values().stream().allMatch(n -> n == 0)) {
            return earlier.get().again();
        }
        return erasures.insert(hash, prospectId, erasedBy, counts, now);
    }

    /** The person's full name and each part of at least three letters, as they may appear in free text. */
    private static List<String> names(Prospect prospect) {
        List<String> names = new ArrayList<>();
        if (prospect == null) {
            return names;
        }
        String first = prospect.firstName() == null ? "" : prospect.firstName().trim();
        String last = prospect.lastName() == null ? "" : prospect.lastName().trim();
        String full = (first + " " + last).trim();
        if (!full.isEmpty()) {
            names.add(full);
        }
        for (String part : List.of(first, last)) {
            if (part.length() >= 3) {
                names.add(part);
            }
        }
        return names;
    }
}
