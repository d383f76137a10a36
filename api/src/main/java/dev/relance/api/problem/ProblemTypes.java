package dev.relance.api.problem;

import java.net.URI;

/** Stable {@code type} URIs of the API's problems: clients branch on these, never on {@code detail}. */
public final class ProblemTypes {

    public static final String BASE = "https://relance.dev/problems/";

    public static final URI VALIDATION = of("validation");
    public static final URI MALFORMED_REQUEST = of("malformed-request");
    public static final URI NOT_FOUND = of("not-found");
    public static final URI UNAUTHENTICATED = of("unauthenticated");
    public static final URI FORBIDDEN = of("forbidden");
    public static final URI PAYLOAD_TOO_LARGE = of("payload-too-large");
    public static final URI UNSUPPORTED_MEDIA_TYPE = of("unsupported-media-type");
    public static final URI METHOD_NOT_ALLOWED = of("method-not-allowed");
    public static final URI INTERNAL = of("internal");

    private ProblemTypes() {
    }

    /** The type of a conflict is its stable code: {@code duplicate-prospect}, {@code already-enrolled}... */
    public static URI of(String code) {
        return URI.create(BASE + code);
    }
}
