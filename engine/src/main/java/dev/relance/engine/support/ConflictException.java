package dev.relance.engine.support;

/**
 * The request is well formed but clashes with the current state: a duplicate, a second live
 * enrollment, a resource still in use. {@code code} is stable and becomes the problem type.
 */
public class ConflictException extends RuntimeException {

    private final String code;

    public ConflictException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
