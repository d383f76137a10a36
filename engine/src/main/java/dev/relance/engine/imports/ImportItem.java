package dev.relance.engine.imports;

import java.util.List;

import dev.relance.engine.prospect.ImportedProspect;

/** A cleaned row: the prospect to write (null when rejected) and the problems found on the way. */
record ImportItem(long line, long bytesRead, ImportedProspect prospect, String owner, List<RowProblem> problems) {
}
