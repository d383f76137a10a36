package dev.relance.engine.imports;

import java.util.Map;

import dev.relance.engine.prospect.DuplicatePolicy;

/**
 * How to read and apply a file; every option may be left null.
 *
 * @param mapping header to field key ({@code email}, {@code custom.industry}; {@code ignore} drops a
 *     column); headers not named are mapped from their usual names
 * @param duplicatePolicy what a row does to an existing prospect with its email (default FILL_EMPTY)
 * @param delimiter {@code ,} {@code ;} or a tab; detected from the header line when null
 * @param encoding charset name such as {@code windows-1252}; detected when null
 * @param ownerId owner of the prospects created; the importer when null
 */
public record ImportOptions(Map<String, String> mapping, DuplicatePolicy duplicatePolicy, Character delimiter,
        String encoding, Long ownerId) {

    public DuplicatePolicy policy() {
        return duplicatePolicy == null ? DuplicatePolicy.FILL_EMPTY : duplicatePolicy;
    }
}
