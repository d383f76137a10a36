package dev.relance.engine.prospect;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Consumer mail providers: an address there says nothing about the person's company. */
final class FreeMailDomains {

    private static final Set<String> DOMAINS = load();

    private FreeMailDomains() {
    }

    static boolean contains(String domain) {
        return DOMAINS.contains(domain.toLowerCase(Locale.ROOT));
    }

    private static Set<String> load() {
        try (var in = FreeMailDomains.class.getResourceAsStream("free-mail-domains.txt");
             var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
