package dev.relance.engine.prospect;

import java.util.Locale;

/** Normal form of addresses: trimmed, domain lower-cased (the local part is the server's business). */
public final class EmailAddresses {

    private EmailAddresses() {
    }

    public static String normalise(String email) {
        String trimmed = email.trim();
        int at = trimmed.lastIndexOf('@');
        return trimmed.substring(0, at + 1) + trimmed.substring(at + 1).toLowerCase(Locale.ROOT);
    }

    public static String domainOf(String email) {
        return email.substring(email.lastIndexOf('@') + 1).trim().toLowerCase(Locale.ROOT);
    }
}
