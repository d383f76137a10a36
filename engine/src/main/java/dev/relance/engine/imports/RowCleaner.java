package dev.relance.engine.imports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import dev.relance.engine.imports.RowProblem.Action;
import dev.relance.engine.prospect.EmailAddresses;
import dev.relance.engine.prospect.ImportedProspect;

/**
 * Turns a raw record into a prospect to write: the email must be valid (else the row is rejected);
 * another invalid value is left out and reported, the row still gets in. Countries become ISO codes,
 * and a missing time zone is inferred from the country and city.
 */
final class RowCleaner {

    private static final Pattern EMAIL = Pattern.compile(
            "[^@\\s\"<>,;()\\[\\]]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\\.[A-Za-z]{2,63}");
    private static final Pattern PHONE = Pattern.compile("[0-9+().\\- ]{3,50}");
    private static final Pattern LINKEDIN = Pattern.compile("https://([a-z]{2,3}\\.)?linkedin\\.com/\\S+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private final ColumnMapping mapping;
    private final Long ownerId;

    RowCleaner(ColumnMapping mapping, Long ownerId) {
        this.mapping = mapping;
        this.ownerId = ownerId;
    }

    ImportItem clean(RawRecord record) {
        List<RowProblem> problems = new ArrayList<>();
        if (record.error() != null) {
            problems.add(new RowProblem(record.line(), null, null, record.error(), Action.ROW_REJECTED));
            return new ImportItem(record.line(), record.bytesRead(), null, null, problems);
        }
        Row row = new Row(record, problems);
        String rawEmail = row.value(ImportField.EMAIL);
        String email = rawEmail == null ? null : emailOf(rawEmail);
        if (email == null) {
            problems.add(new RowProblem(record.line(), row.header(ImportField.EMAIL), rawEmail,
                    rawEmail == null ? "email is empty" : "is not an email address", Action.ROW_REJECTED));
            return new ImportItem(record.line(), record.bytesRead(), null, null, problems);
        }
        String country = row.checked(ImportField.COUNTRY, TimeZones::countryCode, "is not a known country");
        String city = row.text(ImportField.CITY, 100);
        String zone = row.checked(ImportField.TIMEZONE, TimeZones::zone, "is not an IANA time zone such as Europe/Paris");
        if (zone == null) {
            zone = TimeZones.inferred(country, city);
        }
        var prospect = new ImportedProspect(email, row.text(ImportField.FIRST_NAME, 100), row.text(ImportField.LAST_NAME, 100),
                row.text(ImportField.TITLE, 200),
                row.checked(ImportField.PHONE, v -> PHONE.matcher(v).matches() ? v : null,
                        "may contain digits, spaces and + ( ) . - only"),
                row.checked(ImportField.LINKEDIN_URL, RowCleaner::linkedin, "is not a LinkedIn profile URL"),
                zone, country, city, row.custom(), ownerId, row.text(ImportField.COMPANY, 200),
                row.text(ImportField.WEBSITE, 500));
        return new ImportItem(record.line(), record.bytesRead(), prospect, row.value(ImportField.OWNER), problems);
    }

    static String emailOf(String raw) {
        String value = raw.trim();
        if (value.regionMatches(true, 0, "mailto:", 0, 7)) {
            value = value.substring(7);
        }
        if (value.startsWith("<") && value.endsWith(">")) {
            value = value.substring(1, value.length() - 1).trim();
        }
        if (value.length() > 254 || !EMAIL.matcher(value).matches()) {
            return null;
        }
        return EmailAddresses.normalise(value);
    }

    private static String linkedin(String value) {
        String url = value.trim();
        if (url.startsWith("http://")) {
            url = "https://" + url.substring(7);
        } else if (!url.startsWith("https://")) {
            url = "https://" + url;
        }
        return url.length() <= 500 && LINKEDIN.matcher(url).matches() ? url : null;
    }

    /** One record's cells by field, reporting values it has to leave out. */
    private final class Row {
        private final RawRecord record;
        private final List<RowProblem> problems;

        Row(RawRecord record, List<RowProblem> problems) {
            this.record = record;
            this.problems = problems;
        }

        String header(ImportField field) {
            return mapping.headers().get(mapping.indexOf(field));
        }

        String value(ImportField field) {
            return cell(mapping.indexOf(field));
        }

        String cell(int index) {
            if (index < 0 || index >= record.fields().size()) {
                return null;
            }
            String value = record.fields().get(index).strip();
            return value.isEmpty() ? null : value;
        }

        String text(ImportField field, int max) {
            String value = value(field);
            if (value == null) {
                return null;
            }
            String single = SPACES.matcher(value).replaceAll(" ");
            if (single.length() > max) {
                problems.add(new RowProblem(record.line(), header(field), value, "is longer than " + max + " characters",
                        Action.FIELD_IGNORED));
                return null;
            }
            return single;
        }

        String checked(ImportField field, java.util.function.UnaryOperator<String> check, String problem) {
            String value = value(field);
            if (value == null) {
                return null;
            }
            String valid = check.apply(value);
            if (valid == null) {
                problems.add(new RowProblem(record.line(), header(field), value, problem, Action.FIELD_IGNORED));
            }
            return valid;
        }

        Map<String, Object> custom() {
            Map<String, Object> custom = new LinkedHashMap<>();
            mapping.kept().forEach((index, target) -> {
                if (target.startsWith("custom.")) {
                    String value = cell(index);
                    if (value != null && value.length() > 2_000) {
                        problems.add(new RowProblem(record.line(), mapping.headers().get(index), value.substring(0, 50) + "...",
                                "is longer than 2000 characters", Action.FIELD_IGNORED));
                    } else if (value != null) {
                        custom.put(target.substring(7), value);
                    }
                }
            });
            return custom;
        }
    }
}
