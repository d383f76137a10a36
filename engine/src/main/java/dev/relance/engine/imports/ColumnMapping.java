package dev.relance.engine.imports;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import dev.relance.engine.support.InvalidInputException;
import dev.relance.engine.support.InvalidInputException.FieldProblem;

/**
 * Which column fills which field: from an explicit mapping (header to field key, {@code ""} or
 * {@code ignore} to drop a column), else from the common English and French header names of CRMs,
 * spreadsheets and lead databases (Apollo, Sales Navigator exports, lemlist...).
 *
 * @param targets per column index, the field key ({@code email}, {@code custom.industry}) or null when ignored
 * @param headers the header line as read
 */
record ColumnMapping(List<String> headers, List<String> targets) {

    private static final Pattern CUSTOM_KEY = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    private static final Pattern NOT_ALNUM = Pattern.compile("[^a-z0-9]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Map<String, ImportField> KNOWN = known();

    static ColumnMapping of(List<String> headers, Map<String, String> explicit) {
        Map<String, String> given = new HashMap<>();
        if (explicit != null) {
            explicit.forEach((header, field) -> given.put(normalise(header), field == null ? "" : field.trim()));
        }
        List<String> targets = new ArrayList<>(headers.size());
        List<FieldProblem> problems = new ArrayList<>();
        for (String header : headers) {
            String name = normalise(header);
            String target;
            if (given.containsKey(name)) {
                target = given.get(name);
                if (target.isEmpty() || target.equalsIgnoreCase("ignore")) {
                    target = null;
                } else if (!isTarget(target)) {
                    problems.add(new FieldProblem("mapping." + header, "is not a field: use one of "
                            + List.of(ImportField.values()).stream().map(ImportField::key).toList() + " or custom.<key>"));
                }
            } else {
                target = detect(header);
            }
            targets.add(targets.contains(target) ? null : target);
        }
        if (!targets.contains(ImportField.EMAIL.key())) {
            problems.add(new FieldProblem("file", "no column holds email addresses (headers: " + headers
                    + "); name one E-mail or Courriel, or map it explicitly"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new ColumnMapping(List.copyOf(headers), java.util.Collections.unmodifiableList(targets));
    }

    int indexOf(ImportField field) {
        return targets.indexOf(field.key());
    }

    /** Column index to field key, in file order, for the columns kept. */
    Map<Integer, String> kept() {
        Map<Integer, String> kept = new LinkedHashMap<>();
        for (int i = 0; i < targets.size(); i++) {
            if (targets.get(i) != null) {
                kept.put(i, targets.get(i));
            }
        }
        return kept;
    }

    List<String> ignored() {
        List<String> ignored = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            if (targets.get(i) == null) {
                ignored.add(headers.get(i));
            }
        }
        return ignored;
    }

    private static boolean isTarget(String target) {
        return ImportField.ofKey(target) != null
                || (target.startsWith("custom.") && CUSTOM_KEY.matcher(target.substring(7)).matches());
    }

    private static String detect(String header) {
        String trimmed = header.trim();
        if (trimmed.toLowerCase(Locale.ROOT).startsWith("custom.")) {
            String key = trimmed.substring(7).toLowerCase(Locale.ROOT);
            return CUSTOM_KEY.matcher(key).matches() ? "custom." + key : null;
        }
        ImportField field = KNOWN.get(normalise(header));
        return field == null ? null : field.key();
    }

    /** "Prénom " and "prenom", "E-mail" and "email": accents, case and punctuation do not matter. */
    static String normalise(String header) {
        String plain = MARKS.matcher(Normalizer.normalize(header.replace("\uFEFF", ""), Normalizer.Form.NFD)).replaceAll("");
        return NOT_ALNUM.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
    }

    private static Map<String, ImportField> known() {
        Map<String, ImportField> known = new HashMap<>();
        add(known, ImportField.EMAIL, "email", "e mail", "mail", "email address", "e mail address", "courriel",
                "adresse email", "adresse e mail", "adresse mail", "adresse courriel", "work email", "business email",
                "email professionnel", "e mail professionnel", "emails", "primary email");
        add(known, ImportField.FIRST_NAME, "first name", "firstname", "first", "given name", "prenom", "first_name");
        add(known, ImportField.LAST_NAME, "last name", "lastname", "last", "surname", "family name", "nom",
                "nom de famille", "last_name");
        add(known, ImportField.TITLE, "title", "job title", "position", "role", "poste", "fonction", "titre",
                "intitule du poste", "titre du poste", "job");
        add(known, ImportField.COMPANY, "company", "company name", "organization", "organisation", "account",
                "account name", "societe", "entreprise", "nom de l entreprise", "nom de la societe", "raison sociale",
                "employeur", "employer");
        add(known, ImportField.WEBSITE, "website", "company website", "web site", "site web", "site internet",
                "site", "url du site", "company url", "website url");
        add(known, ImportField.PHONE, "phone", "phone number", "telephone", "tel", "mobile", "mobile phone",
                "work phone", "work direct phone", "corporate phone", "numero de telephone", "telephone portable",
                "portable", "telephone mobile", "direct phone");
        add(known, ImportField.LINKEDIN_URL, "linkedin", "linkedin url", "linkedin profile", "person linkedin url",
                "linkedin profile url", "profil linkedin", "url linkedin", "lien linkedin", "linkedin_url");
        add(known, ImportField.COUNTRY, "country", "pays", "country code", "code pays", "person country");
        add(known, ImportField.CITY, "city", "ville", "person city", "localite", "town");
        add(known, ImportField.TIMEZONE, "timezone", "time zone", "tz", "fuseau horaire", "fuseau");
        add(known, ImportField.OWNER, "owner", "contact owner", "proprietaire", "responsable", "sdr", "owner email");
        return Map.copyOf(known);
    }

    private static void add(Map<String, ImportField> known, ImportField field, String... names) {
        for (String name : names) {
            known.put(normalise(name), field);
        }
    }
}
