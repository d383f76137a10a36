package dev.relance.api.problem;

/**
 * One rejected field of a request.
 *
 * @param field JSON path of the field ({@code steps[0].variants[1].subject}) or query parameter name
 * @param message what is wrong with it
 */
public record FieldError(String field, String message) {
}
