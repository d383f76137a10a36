package dev.relance.api.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.relance.engine.support.Csv;
import dev.relance.api.security.RelanceUser;
import dev.relance.engine.report.RepActivityReport;
import dev.relance.engine.report.RepActivityReport.Granularity;
import dev.relance.engine.report.RepActivityReport.Target;
import dev.relance.engine.report.RepReports;
import dev.relance.engine.report.ReportPeriod;
import dev.relance.engine.report.SequenceFunnel;
import dev.relance.engine.report.SequenceLine;
import dev.relance.engine.report.SequenceReport;
import dev.relance.engine.report.SequenceReports;
import dev.relance.engine.report.TargetDraft;
import dev.relance.engine.support.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Reports, read from rollups folded every {@code relance.reports.rollup-interval}. JSON by default;
 * CSV with {@code ?format=csv} or {@code Accept: text/csv}. Periods are UTC days, both included
 * (default: the last 30 days). An SDR's figures are always their own, whatever {@code ownerId} says;
 * MANAGER and ADMIN see everyone's or one owner's; MARKETER reads sequence reports (not rep activity).
 */
@RestController
@RequestMapping("/api/v1/reports")
class ReportController {

    private final SequenceReports sequences;
    private final RepReports reps;
    private final Clock clock;

    ReportController(SequenceReports sequences, RepReports reps, Clock clock) {
        this.sequences = sequences;
        this.reps = reps;
        this.clock = clock;
    }

    /** Every sequence's performance over the period. */
    record SequenceList(LocalDate from, LocalDate to, Long ownerId, List<SequenceLine> sequences) {
    }

    @GetMapping("/sequences")
    ResponseEntity<?> sequences(@AuthenticationPrincipal RelanceUser me,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) Long ownerId, @RequestParam(required = false) String format,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept, HttpServletResponse response)
            throws IOException {
        ReportPeriod period = ReportPeriod.of(from, to, clock);
        Long owner = me.visibleOwner(ownerId);
        List<SequenceLine> lines = sequences.list(period, owner);
        if (csv(format, accept)) {
            return csv(response, "sequences", ReportTables.sequences(lines));
        }
        return ResponseEntity.ok(new SequenceList(period.from(), period.to(), owner, lines));
    }

    /**
     * One sequence per step and variant, with its A/B tests.
     *
     * @param table for CSV: {@code metrics} (default: a row per sequence, step and variant) or
     *     {@code ab-tests} (a row per A/B comparison)
     */
    @GetMapping("/sequences/{id}")
    ResponseEntity<?> sequence(@AuthenticationPrincipal RelanceUser me, @PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) Long ownerId, @RequestParam(required = false) String format,
            @RequestParam(required = false) String table,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept, HttpServletResponse response)
            throws IOException {
        SequenceReport report = sequences.report(id, ReportPeriod.of(from, to, clock), me.visibleOwner(ownerId));
        if (csv(format, accept)) {
            if (table == null || table.equals("metrics")) {
                return csv(response, "sequence-" + id, ReportTables.sequence(report));
            }
            if (table.equals("ab-tests")) {
                return csv(response, "sequence-" + id + "-ab-tests", ReportTables.abTests(report));
            }
            throw new InvalidInputException("table", "must be metrics or ab-tests");
        }
        return ResponseEntity.ok(report);
    }

    @GetMapping("/sequences/{id}/funnel")
    ResponseEntity<?> funnel(@AuthenticationPrincipal RelanceUser me, @PathVariable long id,
            @RequestParam(required = false) Long ownerId, @RequestParam(required = false) String format,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept, HttpServletResponse response)
            throws IOException {
        SequenceFunnel funnel = sequences.funnel(id, me.visibleOwner(ownerId));
        if (csv(format, accept)) {
            return csv(response, "sequence-" + id + "-funnel", ReportTables.funnel(funnel));
        }
        return ResponseEntity.ok(funnel);
    }

    /** @param granularity day (default) or week; @param teamId only that team's reps */
    @GetMapping("/reps")
    ResponseEntity<?> reps(@AuthenticationPrincipal RelanceUser me,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String granularity, @RequestParam(required = false) Long ownerId,
            @RequestParam(required = false) Long teamId, @RequestParam(required = false) String format,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept, HttpServletResponse response)
            throws IOException {
        RepActivityReport report = reps.activity(ReportPeriod.of(from, to, clock), granularity(granularity),
                me.visibleOwner(ownerId), teamId);
        if (csv(format, accept)) {
            return csv(response, "reps", ReportTables.reps(report));
        }
        return ResponseEntity.ok(report);
    }

    /** Sets a rep's daily activity targets; a left-out value keeps the current one. */
    @PutMapping("/targets/{userId}")
    Target setTarget(@AuthenticationPrincipal RelanceUser me, @PathVariable long userId,
            @RequestBody @Validated TargetDraft draft) {
        return reps.setTarget(userId, draft, me.id());
    }

    private static Granularity granularity(String value) {
        if (value == null) {
            return Granularity.DAY;
        }
        try {
            return Granularity.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("granularity", "must be day or week");
        }
    }

    // CSV when asked by ?format=csv, or by an Accept header whose first choice is text/csv.
    private static boolean csv(String format, String accept) {
        if (format != null) {
            return switch (format.toLowerCase(Locale.ROOT)) {
                case "csv" -> true;
                case "json" -> false;
                default -> throw new InvalidInputException("format", "must be json or csv");
            };
        }
        return accept != null && accept.strip().toLowerCase(Locale.ROOT).startsWith("text/csv");
    }

    // Written straight to the response: content negotiation would refuse text/csv to a client that
    // asked for JSON in Accept but for CSV with ?format=csv.
    private static ResponseEntity<?> csv(HttpServletResponse response, String name, Csv.Table table)
            throws IOException {
        response.setStatus(200);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + ".csv\"");
        byte[] body = Csv.write(table).getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
        return null;
    }
}
