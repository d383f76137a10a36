package dev.relance.api.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import dev.relance.api.problem.PayloadTooLargeException;
import dev.relance.api.security.RelanceUser;
import dev.relance.engine.imports.Import;
import dev.relance.engine.imports.ImportOptions;
import dev.relance.engine.imports.ImportService;
import dev.relance.engine.prospect.DuplicatePolicy;
import dev.relance.engine.support.InvalidInputException;
import dev.relance.engine.support.NotFoundException;
import dev.relance.engine.support.Page;
import dev.relance.engine.support.PageRequest;
import dev.relance.engine.user.Role;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * CSV imports of prospects (ADMIN and SDR upload; MANAGER reads). The upload is a multipart
 * {@code file} part or the raw CSV body ({@code text/csv}); options are request parameters. It is
 * streamed to disk, its header checked, and the import runs in the background: the answer is 202
 * with the import to poll. An SDR's rows are owned by the SDR and an SDR sees only their imports.
 */
@RestController
@RequestMapping("/api/v1/imports")
class ImportController {

    private static final TypeReference<Map<String, String>> MAPPING = new TypeReference<>() {
    };

    private final ImportService imports;
    private final JsonMapper json;

    ImportController(ImportService imports, JsonMapper json) {
        this.imports = imports;
        this.json = json;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Import> uploadMultipart(@AuthenticationPrincipal RelanceUser me, @RequestPart("file") MultipartFile file,
            @RequestParam(required = false) String mapping, @RequestParam(required = false) DuplicatePolicy duplicatePolicy,
            @RequestParam(required = false) String delimiter, @RequestParam(required = false) String encoding,
            @RequestParam(required = false) Long ownerId) throws IOException {
        // The part is already on disk (threshold 0, in the imports folder): it is moved there, not copied.
        ImportService.Upload upload = target -> {
            file.transferTo(target);
            return Files.size(target);
        };
        return start(me, upload, file.getOriginalFilename(), mapping, duplicatePolicy, delimiter, encoding, ownerId);
    }

    @PostMapping(consumes = {"text/csv", "text/plain", "application/csv", "application/octet-stream"})
    ResponseEntity<Import> uploadBody(@AuthenticationPrincipal RelanceUser me, HttpServletRequest request,
            @RequestHeader(name = "X-File-Name", required = false) String fileName,
            @RequestParam(required = false) String mapping, @RequestParam(required = false) DuplicatePolicy duplicatePolicy,
            @RequestParam(required = false) String delimiter, @RequestParam(required = false) String encoding,
            @RequestParam(required = false) Long ownerId) throws IOException {
        InputStream body = request.getInputStream();
        return start(me, target -> Files.copy(body, target), fileName, mapping, duplicatePolicy, delimiter, encoding,
                ownerId);
    }

    @GetMapping("/{id}")
    Import get(@AuthenticationPrincipal RelanceUser me, @PathVariable long id) {
        return visible(me, id);
    }

    /** Imports newest first (an SDR's own only), a page of {@code limit} at a time after the opaque {@code cursor}. */
    @GetMapping
    Page<Import> list(@AuthenticationPrincipal RelanceUser me, @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        return imports.list(PageRequest.of(limit, cursor), me.is(Role.SDR) ? me.id() : null);
    }

    /** The problem report as CSV: line, column, value, problem, action. */
    @GetMapping("/{id}/errors")
    void errors(@AuthenticationPrincipal RelanceUser me, @PathVariable long id, HttpServletResponse response)
            throws IOException {
        visible(me, id);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"import-" + id + "-problems.csv\"");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        imports.writeProblems(id, out);
        out.flush();
    }

    /** Resumes a failed import, or one left running by a process that died, after its last committed chunk. */
    @PostMapping("/{id}/restart")
    ResponseEntity<Import> restart(@AuthenticationPrincipal RelanceUser me, @PathVariable long id) {
        visible(me, id);
        return ResponseEntity.accepted().body(imports.restart(id));
    }

    private ResponseEntity<Import> start(RelanceUser me, ImportService.Upload upload, String fileName, String mapping,
            DuplicatePolicy duplicatePolicy, String delimiter, String encoding, Long ownerId) throws IOException {
        boolean sdr = me.is(Role.SDR);
        if (sdr && ownerId != null && ownerId != me.id()) {
            throw new InvalidInputException("ownerId", "an SDR's imports are owned by the SDR");
        }
        ImportOptions options = new ImportOptions(mapping(mapping), duplicatePolicy, delimiter(delimiter), encoding,
                sdr ? Long.valueOf(me.id()) : ownerId);
        try {
            Import started = imports.start(upload, fileName, options, me.id(), !sdr);
            return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/api/v1/imports/" + started.id()))
                    .body(started);
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof PayloadTooLargeException tooLarge) {
                throw tooLarge;
            }
            throw e;
        }
    }

    private Import visible(RelanceUser me, long id) {
        Import found = imports.get(id);
        if (me.is(Role.SDR) && (found.createdBy() == null || found.createdBy() != me.id())) {
            throw new NotFoundException("import", id);
        }
        return found;
    }

    private Map<String, String> mapping(String mapping) {
        if (mapping == null || mapping.isBlank()) {
            return null;
        }
        try {
            return json.readValue(mapping, MAPPING);
        } catch (JacksonException e) {
            throw new InvalidInputException("mapping", "must be a JSON object of header to field, such as {\"Courriel\":\"email\"}");
        }
    }

    private static Character delimiter(String delimiter) {
        if (delimiter == null || delimiter.isEmpty()) {
            return null;
        }
        return switch (delimiter) {
            case ",", "comma" -> ',';
            case ";", "semicolon" -> ';';
            case "\t", "tab", "\\t" -> '\t';
            default -> throw new InvalidInputException("delimiter", "must be , ; or tab");
        };
    }
}
