package dev.relance.engine.imports;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Countries as ISO codes from what files hold ("France", "FR", "États-Unis", "USA"), and time zones
 * inferred from the country, or from the city where a country has several zones.
 */
final class TimeZones {

    private static final Map<String, String> COUNTRY_ZONES = new HashMap<>();
    private static final Map<String, String> CITY_ZONES = new HashMap<>();
    private static final Map<String, String> COUNTRIES = countries();

    static {
        try (var in = TimeZones.class.getResourceAsStream("country-zones.txt");
             var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(line -> {
                int first = line.indexOf(' ');
                int last = line.lastIndexOf(' ');
                if (first == last) {
                    COUNTRY_ZONES.put(line.substring(0, first), line.substring(last + 1));
                } else {
                    CITY_ZONES.put(line.substring(0, first) + " " + line.substring(first + 1, last), line.substring(last + 1));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private TimeZones() {
    }

    /** The ISO 3166-1 alpha-2 code of a country as written in a file, or null when not recognised. */
    static String countryCode(String value) {
        return COUNTRIES.get(ColumnMapping.normalise(value));
    }

    /** The zone of a prospect in this country (ISO code) and city, or null when it cannot be told. */
    static String inferred(String country, String city) {
        if (country == null) {
            return null;
        }
        if (city != null) {
            String zone = CITY_ZONES.get(country + " " + ColumnMapping.normalise(city));
            if (zone != null) {
                return zone;
            }
        }
        return COUNTRY_ZONES.get(country);
    }

    /** The IANA zone named, or null when it is not one. */
    static String zone(String value) {
        try {
            return ZoneId.of(value.trim()).getId();
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static Map<String, String> countries() {
        Map<String, String> countries = new HashMap<>();
        for (String code : Locale.getISOCountries()) {
            Locale locale = Locale.of("", code);
            countries.put(code.toLowerCase(Locale.ROOT), code);
            countries.put(ColumnMapping.normalise(locale.getDisplayCountry(Locale.ENGLISH)), code);
            countries.put(ColumnMapping.normalise(locale.getDisplayCountry(Locale.FRENCH)), code);
            countries.put(locale.getISO3Country().toLowerCase(Locale.ROOT), code);
        }
        Map.of("usa", "US", "united states of america", "US", "etats unis d amerique", "US", "uk", "GB",
                "england", "GB", "great britain", "GB", "angleterre", "GB", "grande bretagne", "GB",
                "russia", "RU", "south korea", "KR").forEach(countries::put);
        return Map.copyOf(countries);
    }
}
