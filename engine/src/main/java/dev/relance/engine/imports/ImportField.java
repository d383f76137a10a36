package dev.relance.engine.imports;

import java.util.Locale;

/** A prospect field an import column can fill; custom fields are {@code custom.<key>} besides these. */
public enum ImportField {
    FIRST_NAME, LAST_NAME, EMAIL, TITLE, COMPANY, WEBSITE, PHONE, LINKEDIN_URL, COUNTRY, CITY, TIMEZONE, OWNER;

    /** The name used in mappings and reports: {@code first_name}, {@code linkedin_url}... */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    static ImportField ofKey(String key) {
        for (ImportField field : values()) {
            if (field.key().equals(key)) {
                return field;
            }
        }
        return null;
    }
}
