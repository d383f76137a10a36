package dev.relance.engine.prospect;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** The imported fields of a prospect, as stored or about to be; merging follows a duplicate policy. */
record ProspectValues(Long id, String email, String firstName, String lastName, String title, String phone,
        String linkedinUrl, String timeZone, String country, String city, Map<String, Object> customFields,
        Long ownerId, Long accountId) {

    static ProspectValues of(ImportedProspect row, Long accountId) {
        return new ProspectValues(null, row.email(), row.firstName(), row.lastName(), row.title(), row.phone(),
                row.linkedinUrl(), row.timeZone(), row.country(), row.city(),
                row.customFields() == null ? Map.of() : row.customFields(), row.ownerId(), accountId);
    }

    /** These values with the row's merged in; the account and the owner are only ever filled. */
    ProspectValues merge(ProspectValues row, DuplicatePolicy policy) {
        boolean overwrite = policy == DuplicatePolicy.OVERWRITE;
        Map<String, Object> custom = new LinkedHashMap<>(customFields);
        row.customFields.forEach((key, value) -> {
            if (overwrite || custom.get(key) == null || "".equals(custom.get(key))) {
                custom.put(key, value);
            }
        });
        return new ProspectValues(id, email, pick(firstName, row.firstName, overwrite), pick(lastName, row.lastName, overwrite),
                pick(title, row.title, overwrite), pick(phone, row.phone, overwrite),
                pick(linkedinUrl, row.linkedinUrl, overwrite), pick(timeZone, row.timeZone, overwrite),
                pick(country, row.country, overwrite), pick(city, row.city, overwrite), custom,
                pick(ownerId, row.ownerId, false), pick(accountId, row.accountId, false));
    }

    boolean sameAs(ProspectValues other) {
        return Objects.equals(firstName, other.firstName) && Objects.equals(lastName, other.lastName)
                && Objects.equals(title, other.title) && Objects.equals(phone, other.phone)
                && Objects.equals(linkedinUrl, other.linkedinUrl) && Objects.equals(timeZone, other.timeZone)
                && Objects.equals(country, other.country) && Objects.equals(city, other.city)
                && Objects.equals(customFields, other.customFields) && Objects.equals(ownerId, other.ownerId)
                && Objects.equals(accountId, other.accountId);
    }

    ProspectValues withId(Long newId) {
        return new ProspectValues(newId, email, firstName, lastName, title, phone, linkedinUrl, timeZone, country, city,
                customFields, ownerId, accountId);
    }

    private static <T> T pick(T current, T incoming, boolean overwrite) {
        if (incoming == null || "".equals(incoming)) {
            return current;
        }
        return overwrite || current == null || "".equals(current) ? incoming : current;
    }
}
