package dev.relance.api.enrollment;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.relance.api.Created;
import dev.relance.api.security.RelanceUser;
import dev.relance.engine.enrollment.BulkEnrollmentRequest;
import dev.relance.engine.enrollment.BulkEnrollmentResult;
import dev.relance.engine.enrollment.Enrollment;
import dev.relance.engine.enrollment.EnrollmentFilter;
import dev.relance.engine.enrollment.EnrollmentRequest;
import dev.relance.engine.enrollment.EnrollmentService;
import dev.relance.engine.enrollment.EnrollmentState;
import dev.relance.engine.support.NotFoundException;
import dev.relance.engine.support.Page;
import dev.relance.engine.user.Role;
import dev.relance.engine.support.PageRequest;
import jakarta.validation.constraints.Size;

/**
 * Enrollments: enroll one or many prospects, list, pause, resume, stop. SDRs see and act on their
 * own enrollments only (another's answers 404, as if it did not exist); MANAGER reads all.
 */
@RestController
@RequestMapping("/api/v1/enrollments")
class EnrollmentController {

    private final EnrollmentService enrollments;

    EnrollmentController(EnrollmentService enrollments) {
        this.enrollments = enrollments;
    }

    /** @param reason optional note kept on the enrollment */
    record Action(@Size(max = 500) String reason) {
    }

    @PostMapping
    ResponseEntity<Enrollment> enroll(@AuthenticationPrincipal RelanceUser me, @RequestBody @Validated EnrollmentRequest request) {
        Enrollment enrollment = enrollments.enroll(request, me.ownerOfNew(request.ownerId()), me.id());
        return Created.at(enrollment.id(), enrollment);
    }

    /** Enrolls up to 1,000 prospects; the answer lists who was enrolled and who was skipped, and why. */
    @PostMapping("/bulk")
    BulkEnrollmentResult enrollAll(@AuthenticationPrincipal RelanceUser me,
            @RequestBody @Validated BulkEnrollmentRequest request) {
        return enrollments.enrollAll(request, me.ownerOfNew(request.ownerId()), me.id());
    }

    @GetMapping
    Page<Enrollment> list(@AuthenticationPrincipal RelanceUser me, @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor, @RequestParam(required = false) Long sequenceId,
            @RequestParam(required = false) Long prospectId, @RequestParam(required = false) EnrollmentState state,
            @RequestParam(required = false) Long ownerId) {
        Long visibleOwner = me.visibleOwner(ownerId);
        return enrollments.list(PageRequest.of(limit, cursor), new EnrollmentFilter(sequenceId, prospectId, state, visibleOwner));
    }

    @GetMapping("/{id}")
    Enrollment get(@AuthenticationPrincipal RelanceUser me, @PathVariable long id) {
        return visible(me, id);
    }

    @PostMapping("/{id}/pause")
    Enrollment pause(@AuthenticationPrincipal RelanceUser me, @PathVariable long id,
            @RequestBody(required = false) @Validated Action action) {
        visible(me, id);
        return enrollments.pause(id, action == null ? null : action.reason());
    }

    @PostMapping("/{id}/resume")
    Enrollment resume(@AuthenticationPrincipal RelanceUser me, @PathVariable long id) {
        visible(me, id);
        return enrollments.resume(id);
    }

    @PostMapping("/{id}/stop")
    Enrollment stop(@AuthenticationPrincipal RelanceUser me, @PathVariable long id,
            @RequestBody(required = false) @Validated Action action) {
        visible(me, id);
        return enrollments.stop(id, action == null ? null : action.reason());
    }

    private Enrollment visible(RelanceUser me, long id) {
        Enrollment enrollment = enrollments.get(id);
        if (!me.maySee(enrollment.ownerId())) {
            throw new NotFoundException("enrollment", id);
        }
        return enrollment;
    }
}
