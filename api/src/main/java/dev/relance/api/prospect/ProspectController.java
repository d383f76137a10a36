package dev.relance.api.prospect;

import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.relance.api.Created;
import dev.relance.api.security.RelanceUser;
import dev.relance.engine.enrollment.EnrollmentService;
import dev.relance.engine.prospect.Prospect;
import dev.relance.engine.prospect.ProspectDraft;
import dev.relance.engine.prospect.ProspectFilter;
import dev.relance.engine.prospect.ProspectService;
import dev.relance.engine.prospect.Suppression;
import dev.relance.engine.prospect.SuppressionService;
import dev.relance.engine.support.Page;
import dev.relance.engine.support.PageRequest;
import dev.relance.engine.user.Role;

/**
 * Prospects (written by ADMIN and SDR, read by every role). A new prospect is owned by its creator
 * by default; an SDR edits and deletes only their own or unowned prospects.
 */
@RestController
@RequestMapping("/api/v1/prospects")
class ProspectController {

    private final ProspectService prospects;
    private final EnrollmentService enrollments;
    private final SuppressionService suppressions;

    ProspectController(ProspectService prospects, EnrollmentService enrollments, SuppressionService suppressions) {
        this.prospects = prospects;
        this.enrollments = enrollments;
        this.suppressions = suppressions;
    }

    /** Creates the prospect; a suppressed (or erased) address is created, flagged with {@code doNotContact}. */
    @PostMapping
    ResponseEntity<ProspectView> create(@AuthenticationPrincipal RelanceUser me,
            @RequestBody @Validated ProspectDraft draft) {
        Prospect prospect = prospects.create(draft.ownedByDefault(me.id()));
        return Created.at(prospect.id(), view(me, prospect));
    }

    @GetMapping
    Page<ProspectView> list(@AuthenticationPrincipal RelanceUser me, @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor,
            @RequestParam(required = false) Long ownerId, @RequestParam(required = false) Long accountId,
            @RequestParam(required = false) String email) {
        Page<Prospect> page = prospects.list(PageRequest.of(limit, cursor), new ProspectFilter(ownerId, accountId, email));
        Map<String, Suppression> blocking = suppressions.suppressingAny(page.items().stream().map(Prospect::email).toList());
        return page.map(p -> ProspectView.of(p, blocking.get(p.email()), readsSuppressions(me)));
    }

    @GetMapping("/{id}")
    ProspectView get(@AuthenticationPrincipal RelanceUser me, @PathVariable long id) {
        return view(me, prospects.get(id));
    }

    @PutMapping("/{id}")
    ProspectView replace(@AuthenticationPrincipal RelanceUser me, @PathVariable long id,
            @RequestBody @Validated ProspectDraft draft) {
        requireOwnership(me, id);
        return view(me, prospects.replace(id, draft));
    }

    private ProspectView view(RelanceUser me, Prospect prospect) {
        return ProspectView.of(prospect, suppressions.suppressing(prospect.email()).orElse(null), readsSuppressions(me));
    }

    // As the suppression list's own access: MARKETER does not read it.
    private static boolean readsSuppressions(RelanceUser me) {
        return !me.is(Role.MARKETER);
    }

    /** Deletes the prospect with its enrollments and messages. */
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@AuthenticationPrincipal RelanceUser me, @PathVariable long id) {
        requireOwnership(me, id);
        prospects.delete(id);
        return ResponseEntity.noContent().build();
    }

    /** What a booked meeting did: the prospect's live enrollments it stopped. */
    record MeetingBooked(int stoppedEnrollments) {
    }

    /** A meeting was booked (or an opportunity created): every live enrollment of the prospect stops. */
    @PostMapping("/{id}/meeting-booked")
    MeetingBooked meetingBooked(@PathVariable long id) {
        return new MeetingBooked(enrollments.meetingBooked(id));
    }

    /** An SDR changes only their own (or unowned) prospects: a colleague's stay as they left them. */
    private void requireOwnership(RelanceUser me, long id) {
        Long owner = prospects.get(id).ownerId();
        if (me.is(Role.SDR) && owner != null && owner != me.id()) {
            throw new AccessDeniedException("prospect " + id + " belongs to another user");
        }
    }
}
