package dev.relance.templates.stock;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the line-oriented format of the stock cadence files and of their {@code index.txt}, as
 * described in the resources' {@code README.md}. The content is ours, so a mistake is not skipped:
 * it throws an {@link IllegalStateException} naming the file and the line.
 */
final class StockCadenceParser {

    private static final String SEPARATOR = "---";
    private static final List<String> HEADER_FIELDS = List.of("name", "description", "locale");
    private static final List<String> STEP_FIELDS = List.of("type", "delay", "thread", "note", "subject");
    private static final Pattern DELAY = Pattern.compile("(\\d{1,6})\\s+(\\S+)");
    private static final Pattern KEY = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern LOCALE = Pattern.compile("[a-z]{2}(-[A-Z]{2})?");

    /** One cadence file listed in the index. */
    record IndexEntry(String key, String locale, int line) {

        String fileName() {
            return key + "." + locale + ".txt";
        }
    }

    private record Field(String value, int line) {
    }

    /**
     * The lines between two separators: fields, then (for an email) the body lines after "body:".
     *
     * @param line the 1-based line where the section starts
     * @param body null when the section has no "body:" line
     */
    private record Section(int line, Map<String, Field> fields, List<String> body, int bodyLine) {
    }

    private final String file;

    private StockCadenceParser(String file) {
        this.file = file;
    }

    static List<IndexEntry> parseIndex(String file, List<String> lines) {
        return new StockCadenceParser(file).index(lines);
    }

    static StockCadence parse(String file, String key, String locale, List<String> lines) {
        return new StockCadenceParser(file).cadence(key, locale, lines);
    }

    private List<IndexEntry> index(List<String> lines) {
        List<IndexEntry> entries = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] words = line.split("\\s+");
            if (words.length < 2 || !KEY.matcher(words[0]).matches()) {
                throw error(i + 1, "expected a key in lower case then its locales, e.g. 'nurture en fr'");
            }
            for (int w = 1; w < words.length; w++) {
                if (!LOCALE.matcher(words[w]).matches()) {
                    throw error(i + 1, "'" + words[w] + "' is not a locale such as 'en' or 'fr'");
                }
                if (!seen.add(words[0] + "." + words[w])) {
                    throw error(i + 1, words[0] + " in '" + words[w] + "' is listed twice");
                }
                entries.add(new IndexEntry(words[0], words[w], i + 1));
            }
        }
        return entries;
    }

    private StockCadence cadence(String key, String locale, List<String> lines) {
        List<Section> sections = sections(lines);
        Section header = sections.getFirst();
        checkFieldNames(header, HEADER_FIELDS, "name, description, locale");
        if (header.body() != null) {
            throw error(header.bodyLine(), "the header has no body: add '---' before the first step");
        }
        String name = required(header, "name").value();
        String description = required(header, "description").value();
        Field declared = required(header, "locale");
        if (!declared.value().equals(locale)) {
            throw error(declared.line(), "locale '" + declared.value() + "' does not match the file name's '" + locale + "'");
        }
        if (sections.size() < 2) {
            throw error(lines.size(), "no steps: add '---' and a step after the header");
        }
        List<StockStep> steps = new ArrayList<>();
        boolean emailBefore = false;
        for (Section section : sections.subList(1, sections.size())) {
            StockStep step = step(section, emailBefore);
            emailBefore |= step.isEmail();
            steps.add(step);
        }
        return new StockCadence(key, locale, name, description, steps);
    }

    private StockStep step(Section section, boolean emailBefore) {
        if (section.fields().isEmpty() && section.body() == null) {
            throw error(section.line(), "empty step: remove the extra '" + SEPARATOR + "'");
        }
        checkFieldNames(section, STEP_FIELDS, "type, delay, thread, note, subject, body");
        String type = oneOf(required(section, "type"), StockStep.TYPES);
        Field delay = required(section, "delay");
        Matcher matcher = DELAY.matcher(delay.value());
        if (!matcher.matches()) {
            throw error(delay.line(), "a delay is a whole number and a unit, e.g. '3 BUSINESS_DAYS'");
        }
        int amount = Integer.parseInt(matcher.group(1));
        String unit = oneOf(new Field(matcher.group(2), delay.line()), StockStep.DELAY_UNITS);
        Field thread = section.fields().get("thread");
        String threadMode = thread == null ? "NEW_THREAD" : oneOf(thread, StockStep.THREAD_MODES);
        Field note = section.fields().get("note");
        Field subject = section.fields().get("subject");
        String noteText = note == null ? null : note.value();
        if (type.equals("AUTO_EMAIL") || type.equals("MANUAL_EMAIL")) {
            checkEmail(section, type, threadMode, emailBefore);
            return new StockStep(type, amount, unit, threadMode, noteText,
                    subject == null ? null : subject.value(), String.join("\n", section.body()));
        }
        checkTask(section, type, threadMode);
        return new StockStep(type, amount, unit, threadMode, noteText, null, null);
    }

    private void checkEmail(Section section, String type, String threadMode, boolean emailBefore) {
        Field note = section.fields().get("note");
        Field subject = section.fields().get("subject");
        if (type.equals("AUTO_EMAIL") && note != null) {
            throw error(note.line(), "an AUTO_EMAIL is sent by the engine, so nobody reads its note");
        }
        if (section.body() == null || section.body().isEmpty()) {
            throw error(section.line(), "an email needs 'body:' followed by its text");
        }
        if (threadMode.equals("REPLY_IN_THREAD")) {
            if (!emailBefore) {
                throw error(section.fields().get("thread").line(), "a reply in thread needs an earlier email step");
            }
            if (subject != null) {
                throw error(subject.line(), "a reply in thread has no subject: it is sent as \"Re: \" + the thread's");
            }
        } else if (subject == null) {
            throw error(section.line(), "a new-thread email needs a subject");
        }
    }

    private void checkTask(Section section, String type, String threadMode) {
        if (section.body() != null) {
            throw error(section.bodyLine(), "a " + type + " step sends no email: remove 'body:'");
        }
        Field subject = section.fields().get("subject");
        if (subject != null) {
            throw error(subject.line(), "a " + type + " step sends no email: remove 'subject:'");
        }
        if (threadMode.equals("REPLY_IN_THREAD")) {
            throw error(section.fields().get("thread").line(), "only emails can reply in a thread");
        }
        if (!section.fields().containsKey("note")) {
            throw error(section.line(), "a " + type + " step needs a note telling the rep what to do");
        }
    }

    private List<Section> sections(List<String> lines) {
        List<Section> sections = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= lines.size(); i++) {
            if (i == lines.size() || lines.get(i).stripTrailing().equals(SEPARATOR)) {
                sections.add(section(lines, start, i));
                start = i + 1;
            }
        }
        return sections;
    }

    private Section section(List<String> lines, int from, int to) {
        Map<String, Field> fields = new LinkedHashMap<>();
        String last = null;
        for (int i = from; i < to; i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                last = null;
            } else if (Character.isWhitespace(line.charAt(0))) {
                if (last == null) {
                    throw error(i + 1, "an indented line continues the field above it, but there is none");
                }
                Field previous = fields.get(last);
                fields.put(last, new Field(previous.value() + "\n" + line.strip(), previous.line()));
            } else {
                int colon = line.indexOf(':');
                if (colon <= 0) {
                    throw error(i + 1, "expected 'field: value'");
                }
                String name = line.substring(0, colon).strip();
                String value = line.substring(colon + 1).strip();
                if (name.equals("body")) {
                    if (!value.isEmpty()) {
                        throw error(i + 1, "start the body on the line after 'body:'");
                    }
                    return new Section(from + 1, fields, bodyLines(lines.subList(i + 1, to)), i + 1);
                }
                if (fields.containsKey(name)) {
                    throw error(i + 1, "'" + name + "' is given twice");
                }
                if (value.isEmpty()) {
                    throw error(i + 1, "'" + name + "' has no value");
                }
                fields.put(name, new Field(value, i + 1));
                last = name;
            }
        }
        return new Section(from + 1, fields, null, 0);
    }

    /** The body as written, without trailing spaces and without blank lines around it. */
    private static List<String> bodyLines(List<String> lines) {
        List<String> body = lines.stream().map(String::stripTrailing).toList();
        int first = 0;
        int end = body.size();
        while (first < end && body.get(first).isEmpty()) {
            first++;
        }
        while (end > first && body.get(end - 1).isEmpty()) {
            end--;
        }
        return body.subList(first, end);
    }

    private void checkFieldNames(Section section, List<String> allowed, String expected) {
        for (Map.Entry<String, Field> field : section.fields().entrySet()) {
            if (!allowed.contains(field.getKey())) {
                throw error(field.getValue().line(), "unknown field '" + field.getKey() + "', expected " + expected);
            }
        }
    }

    private Field required(Section section, String name) {
        Field field = section.fields().get(name);
        if (field == null) {
            throw error(section.line(), "missing '" + name + ":'");
        }
        return field;
    }

    private String oneOf(Field field, List<String> allowed) {
        if (!allowed.contains(field.value())) {
            throw error(field.line(), "'" + field.value() + "' is not one of " + String.join(", ", allowed));
        }
        return field.value();
    }

    private IllegalStateException error(int line, String message) {
        return new IllegalStateException("stock cadence " + file + ", line " + line + ": " + message);
    }
}
