package dev.relance.templates;

import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Test fixture: a recipient's render context, built fluently ({@code aProspect().named("Ann").build()}). */
final class Recipients {

    /** A Tuesday, 09:30 in Paris. */
    static final Instant NOW = Instant.parse("2026-03-03T08:30:00Z");

    private final Map<String, Object> variables = new HashMap<>();
    private final Map<String, Object> account = new HashMap<>();
    private final Map<String, Object> custom = new HashMap<>();
    private final Map<String, Object> sender = new HashMap<>();
    private ZoneId zone = ZoneId.of("America/New_York");
    private Locale locale = Locale.ENGLISH;
    private long seed = 42;
    private Instant now = NOW;

    private Recipients() {
    }

    static Recipients aProspect() {
        Recipients r = new Recipients();
        r.variables.put("first_name", "Ann");
        r.variables.put("last_name", "Lee");
        r.variables.put("email", "ann@acme.com");
        r.account.put("name", "Acme");
        r.account.put("domain", "acme.com");
        r.sender.put("first_name", "Bob");
        r.sender.put("name", "Bob Martin");
        r.sender.put("email", "bob@relance.dev");
        r.variables.put("unsubscribe_url", "https://relance.dev/u/tok123");
        return r;
    }

    Recipients with(String name, Object value) {
        variables.put(name, value);
        return this;
    }

    Recipients without(String name) {
        variables.remove(name);
        return this;
    }

    Recipients named(String firstName) {
        return with("first_name", firstName);
    }

    Recipients withAccount(String field, Object value) {
        account.put(field, value);
        return this;
    }

    Recipients withCustom(String key, Object value) {
        custom.put(key, value);
        return this;
    }

    Recipients withSender(String field, Object value) {
        sender.put(field, value);
        return this;
    }

    Recipients inZone(String zoneId) {
        this.zone = ZoneId.of(zoneId);
        return this;
    }

    Recipients speaking(Locale locale) {
        this.locale = locale;
        return this;
    }

    Recipients seed(long seed) {
        this.seed = seed;
        return this;
    }

    Recipients at(String instant) {
        this.now = Instant.parse(instant);
        return this;
    }

    RenderContext build() {
        Map<String, Object> all = new HashMap<>(variables);
        all.put("account", new HashMap<>(account));
        all.put("custom", new HashMap<>(custom));
        all.put("sender", new HashMap<>(sender));
        return new RenderContext(all, zone, locale, seed, now);
    }
}
