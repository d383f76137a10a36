package dev.relance.engine.inbox.classify;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Email addresses and Message-IDs found in header values and free text. */
final class Addresses {

    private static final Pattern ADDRESS = Pattern.compile(
            "[\\p{L}\\p{N}._%+'=!#$&*/?^`{|}~-]+@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)*");
    private static final Pattern ANGLED = Pattern.compile("<([^<>\\s]+)>");

    private Addresses() {
    }

    /** The first address in a header value or text, lower-cased, or null. */
    static String first(String text) {
        List<String> all = all(text);
        return all.isEmpty() ? null : all.getFirst();
    }

    /** Every distinct address, lower-cased, in order of appearance. */
    static List<String> all(String text) {
        Set<String> found = new LinkedHashSet<>();
        if (text != null) {
            Matcher matcher = ADDRESS.matcher(text);
            while (matcher.find()) {
                String address = trimDots(matcher.group());
                if (address.indexOf('@') > 0 && !address.endsWith("@")) {
                    found.add(address.toLowerCase(Locale.ROOT));
                }
            }
        }
        return new ArrayList<>(found);
    }

    private static String trimDots(String address) {
        String trimmed = address;
        while (trimmed.endsWith(".") || trimmed.endsWith("-")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        while (trimmed.startsWith(".") || trimmed.startsWith("'")) {
            trimmed = trimmed.substring(1);
        }
        return trimmed;
    }

    /** The Message-IDs of a Message-ID, In-Reply-To or References value, without angle brackets, in order. */
    static List<String> messageIds(String headerValue) {
        List<String> ids = new ArrayList<>();
        if (headerValue == null) {
            return ids;
        }
        Matcher matcher = ANGLED.matcher(headerValue);
        while (matcher.find()) {
            ids.add(matcher.group(1));
        }
        if (ids.isEmpty() && !headerValue.isBlank() && headerValue.trim().indexOf(' ') < 0) {
            ids.add(headerValue.trim());
        }
        return ids;
    }
}
