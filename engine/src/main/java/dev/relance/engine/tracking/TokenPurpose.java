package dev.relance.engine.tracking;

/**
 * What a tracking token may be used for. The purpose is sealed inside the token, so a token made
 * for one endpoint is refused by the others.
 */
public enum TokenPurpose {
    /** The unsubscribe page and the one-click unsubscribe POST (RFC 8058). */
    UNSUBSCRIBE(1),
    /** The open-tracking pixel. */
    OPEN(2),
    /** One rewritten link of the email, by its position in the recorded HTML. */
    CLICK(3);

    final int code;

    TokenPurpose(int code) {
        this.code = code;
    }

    static TokenPurpose ofCode(int code) {
        for (TokenPurpose purpose : values()) {
            if (purpose.code == code) {
                return purpose;
            }
        }
        return null;
    }
}
