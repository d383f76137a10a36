package dev.relance.api.enrollment;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import dev.relance.engine.support.Csv;
import dev.relance.api.security.RelanceUser;
import dev.relance.engine.enrollment.bulk.EnrollmentJob;
import dev.relance.engine.enrollment.bulk.EnrollmentJobRequest;
import dev.relance.engine.enrollment.bulk.EnrollmentJobService;
import dev.relance.engine.support.NotFoundException;
import dev.relance.engine.user.Role;

/**
 * Bulk enrollment jobs: the prospects of a filter or a list enrolled in the background, with
 * progress and a CSV report of who was skipped and why. As for {@code POST /api/v1/enrollments/bulk},
 * SDRs enroll for themselves; an SDR's job also takes their own prospects only. SDRs see their own
 * jobs (another's answers 404).
 */
@RestController
@RequestMapping("/api/v1/enrollment-jobs")
class EnrollmentJobController {

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final EnrollmentJobService jobs;

    EnrollmentJobController(EnrollmentJobService jobs) {
        this.jobs = jobs;
    }

    /** 202 Accepted with the job's Location; the job runs in the background. */
    @PostMapping
    ResponseEntity<EnrollmentJob> start(@AuthenticationPrincipal RelanceUser me,
            @RequestBody @Validated EnrollmentJobRequest request) {
        EnrollmentJob job = jobs.create(request, me.ownerOfNew(request.ownerId()), me.id(), !me.is(Role.ADMIN));
        jobs.runInBackground(job.id());
        URI location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}").buildAndExpand(job.id()).toUri();
        return ResponseEntity.accepted().location(location).body(job);
    }

    @GetMapping("/{id}")
    EnrollmentJob get(@AuthenticationPrincipal RelanceUser me, @PathVariable long id) {
        return visible(me, id);
    }

    /** Restarts a job that failed or was stopped; the prospects already done are not enrolled again. */
    @PostMapping("/{id}/restart")
    ResponseEntity<EnrollmentJob> restart(@AuthenticationPrincipal RelanceUser me, @PathVariable long id) {
        EnrollmentJob job = visible(me, id);
        jobs.runInBackground(id);
        return ResponseEntity.accepted().body(job);
    }

    /** The skipped prospects as CSV: prospectId, email, code, reason. */
    @GetMapping("/{id}/skipped")
    ResponseEntity<String> skipped(@AuthenticationPrincipal RelanceUser me, @PathVariable long id) {
        visible(me, id);
        String body = Csv.of(List.of("prospectId", "email", "code", "reason"), jobs.skipped(id).stream()
                .map(s -> List.<Object>of(s.prospectId(), s.email() == null ? "" : s.email(), s.code(),
                        s.reason() == null ? "" : s.reason()))
                .toList());
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"enrollment-job-" + id + "-skipped.csv\"")
                .body(body);
    }

    private EnrollmentJob visible(RelanceUser me, long id) {
        EnrollmentJob job = jobs.get(id);
        if (!me.maySee(job.ownerId())) {
            throw new NotFoundException("enrollment job", id);
        }
        return job;
    }
}
