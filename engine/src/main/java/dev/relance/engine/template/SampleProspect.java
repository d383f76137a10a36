package dev.relance.engine.template;

import java.time.Instant;
import java.util.Map;

import dev.relance.engine.prospect.Account;
import dev.relance.engine.prospect.Prospect;
import dev.relance.engine.support.Zones;

/** A prospect made of inline sample values, for previews that name no stored prospect. */
final class SampleProspect {

    static final Map<String, Object> VALUES = Map.of(
            "first_name", "Ada", "last_name", "Lovelace", "email", "ada.lovelace@example.com", "title", "VP Sales",
            "time_zone", "Europe/London", "locale", "en-GB", "country", "GB",
            "account", Map.of("name", "Example Analytics", "domain", "example.com", "industry", "Analytics"),
            "custom", Map.of());

    private SampleProspect() {
    }

    @SuppressWarnings("unchecked")
    static Prospect from(Map<String, Object> sample, Instant now) {
        Object custom = sample.getOrDefault("custom", Map.of());
        Zones.parse("sample.time_zone", text(sample, "time_zone"));
        return new Prospect(0, text(sample, "email"), text(sample, "first_name"), text(sample, "last_name"),
                text(sample, "title"), text(sample, "phone"), text(sample, "linkedin_url"), text(sample, "time_zone"),
                text(sample, "locale"), text(sample, "country"), text(sample, "city"),
                custom instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of(), null, null, now, now);
    }

    static Account accountFrom(Map<String, Object> sample) {
        if (!(sample.get("account") instanceof Map<?, ?> account)) {
            return null;
        }
        return new Account(0, string(account.get("domain")), string(account.get("name")), string(account.get("website")),
                string(account.get("industry")), string(account.get("country")), Map.of(), null, null, null);
    }

    private static String text(Map<String, Object> sample, String key) {
        return string(sample.get(key));
    }

    private static String string(Object value) {
        return value == null ? null : value.toString();
    }
}
