package dev.relance.api.problem;

import java.util.List;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import dev.relance.engine.support.ConflictException;
import dev.relance.engine.support.InvalidInputException;
import dev.relance.engine.support.NotFoundException;
import dev.relance.templates.TemplateRenderException;

/**
 * Every error the API answers is an RFC 9457 problem with a stable type. Bad input is a 4xx with
 * field errors; only a bug yields a 500, and then the detail says nothing of the internals.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return Problems.of(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "Not found", e.getMessage());
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        return Problems.of(HttpStatus.CONFLICT, ProblemTypes.of(e.code()), "Conflict", e.getMessage());
    }

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalid(InvalidInputException e) {
        return Problems.validation(e.getMessage(),
                e.problems().stream().map(p -> new FieldError(p.field(), p.message())).toList());
    }

    /** The template is valid but cannot render for this data: a limit, or a value that would inject a header. */
    @ExceptionHandler(TemplateRenderException.class)
    ProblemDetail templateRender(TemplateRenderException e) {
        return Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, ProblemTypes.of("template-render-failed"),
                "Template cannot be rendered", e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        String expected = e.getRequiredType() != null && e.getRequiredType().isEnum()
                ? "one of " + List.of(e.getRequiredType().getEnumConstants())
                : "a value of type " + (e.getRequiredType() == null ? "?" : e.getRequiredType().getSimpleName());
        String message = "must be " + expected;
        return Problems.validation(e.getName() + " " + message, List.of(new FieldError(e.getName(), message)));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail accessDenied(AccessDeniedException e) {
        return Problems.of(HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, "Forbidden", "your role does not allow this");
    }

    /** A constraint the services did not anticipate: still the client's conflict, not our crash. */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ProblemDetail integrity(DataIntegrityViolationException e) {
        log.warn("unmapped integrity violation: {}", e.getMostSpecificCause().getMessage());
        return Problems.of(HttpStatus.CONFLICT, ProblemTypes.of("conflict"), "Conflict",
                "the request conflicts with existing data");
    }

    @ExceptionHandler(PayloadTooLargeException.class)
    ResponseEntity<ProblemDetail> payloadTooLarge(PayloadTooLargeException e) {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(HttpStatus.CONTENT_TOO_LARGE, ProblemTypes.PAYLOAD_TOO_LARGE, "Payload too large",
                        e.getMessage()));
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("unexpected error", e);
        return Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, ProblemTypes.INTERNAL, "Internal error",
                "something went wrong on our side; the error is logged");
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldError(f.getField(), f.getDefaultMessage())).toList();
        List<FieldError> global = e.getBindingResult().getGlobalErrors().stream()
                .map(g -> new FieldError(g.getObjectName(), g.getDefaultMessage())).toList();
        List<FieldError> all = java.util.stream.Stream.concat(errors.stream(), global.stream()).toList();
        return ResponseEntity.badRequest().body(Problems.validation(summary(all), all));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = e.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream()
                        .map(err -> new FieldError(r.getMethodParameter().getParameterName(), err.getDefaultMessage())))
                .toList();
        return ResponseEntity.badRequest().body(Problems.validation(summary(errors), errors));
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(
            org.springframework.web.multipart.MaxUploadSizeExceededException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(HttpStatus.CONTENT_TOO_LARGE, ProblemTypes.PAYLOAD_TOO_LARGE, "Payload too large",
                        "the upload is larger than " + e.getMaxUploadSize() + " bytes"));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        if (causedBy(e, PayloadTooLargeException.class)) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(Problems.of(HttpStatus.CONTENT_TOO_LARGE,
                    ProblemTypes.PAYLOAD_TOO_LARGE, "Payload too large", e.getMostSpecificCause().getMessage()));
        }
        return ResponseEntity.badRequest().body(UnreadableBodies.describe(e));
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        if (body instanceof ProblemDetail problem
                && (problem.getType() == null || problem.getType().toString().equals("about:blank"))) {
            problem.setType(ProblemTypes.of(slug(status)));
        }
        HttpHeaders problemHeaders = new HttpHeaders();
        problemHeaders.putAll(headers);
        problemHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return super.createResponseEntity(body, problemHeaders, status, request);
    }

    private static String slug(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null ? "http-" + status.value() : known.name().toLowerCase().replace('_', '-');
    }

    private static String summary(List<FieldError> errors) {
        return errors.stream().map(f -> f.field() + " " + f.message()).collect(Collectors.joining("; "));
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
