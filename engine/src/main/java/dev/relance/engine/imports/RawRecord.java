package dev.relance.engine.imports;

import java.util.List;

/** A record as read from the file, before cleaning; {@code error} is set when it could not be parsed. */
record RawRecord(long line, List<String> fields, long bytesRead, String error) {
}
