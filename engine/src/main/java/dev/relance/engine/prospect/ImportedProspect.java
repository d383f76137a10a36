package dev.relance.engine.prospect;

import java.util.Map;

/**
 * One cleaned row of an import: the email is already valid and normalised, other values are
 * valid or null (null means "no value in the file", never "erase").
 *
 * @param companyName name of the account when one is created for the email's domain
 * @param website the account's website when one is created
 * @param ownerId owner given to a new prospect (and to an existing one without an owner)
 */
public record ImportedProspect(String email, String firstName, String lastName, String title, String phone,
        String linkedinUrl, String timeZone, String country, String city, Map<String, Object> customFields,
        Long ownerId, String companyName, String website) {
}
