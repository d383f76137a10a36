package dev.relance.engine.imports;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

import dev.relance.engine.imports.RowProblem.Action;
import dev.relance.engine.prospect.DuplicatePolicy;
import dev.relance.engine.prospect.ImportedProspect;
import dev.relance.engine.prospect.ProspectImports;
import dev.relance.engine.prospect.Suppression;
import dev.relance.engine.prospect.SuppressionService;
import dev.relance.engine.prospect.UpsertOutcome;
import dev.relance.engine.prospect.Upserted;

/**
 * Writes a chunk in its transaction: prospects (and accounts) in a few set-based statements, the
 * rows' problems, and the import's counters, so that a chunk counts exactly once even across restarts.
 */
class ImportWriter implements ItemWriter<ImportItem> {

    private final long importId;
    private final DuplicatePolicy policy;
    private final boolean ownerColumnAllowed;
    private final ImportRepository imports;
    private final ProspectImports prospects;
    private final SuppressionService suppressions;
    private final ChunkInterruptions interruptions;
    private final Clock clock;
    private final Map<String, Long> owners = new HashMap<>();

    ImportWriter(long importId, DuplicatePolicy policy, boolean ownerColumnAllowed, ImportRepository imports,
            ProspectImports prospects, SuppressionService suppressions, ChunkInterruptions interruptions, Clock clock) {
        this.importId = importId;
        this.policy = policy;
        this.ownerColumnAllowed = ownerColumnAllowed;
        this.imports = imports;
        this.prospects = prospects;
        this.suppressions = suppressions;
        this.interruptions = interruptions;
        this.clock = clock;
    }

    @Override
    public void write(Chunk<? extends ImportItem> chunk) {
        interruptions.beforeChunk();
        imports.relaxCommit();
        ImportRepository.Counts counts = new ImportRepository.Counts();
        List<RowProblem> problems = new ArrayList<>();
        List<ImportItem> valid = new ArrayList<>(chunk.size());
        long bytesRead = 0;
        for (ImportItem item : chunk) {
            counts.read++;
            bytesRead = Math.max(bytesRead, item.bytesRead());
            if (item.prospect() == null) {
                counts.failed++;
            } else {
                valid.add(item);
            }
        }
        resolveOwners(valid);
        List<ImportedProspect> rows = valid.stream().map(this::withOwner).toList();
        chunk.forEach(item -> problems.addAll(item.problems()));
        Map<String, Suppression> suppressed = suppressions.suppressingAny(rows.stream().map(ImportedProspect::email).toList());
        Upserted upserted = rows.isEmpty() ? Upserted.NOTHING : prospects.upsert(rows, policy);
        List<UpsertOutcome> outcomes = upserted.outcomes();
        for (int i = 0; i < valid.size(); i++) {
            ImportItem item = valid.get(i);
            switch (outcomes.get(i)) {
                case CREATED -> counts.created++;
                case UPDATED -> counts.updated++;
                case UNCHANGED -> counts.unchanged++;
                case SKIPPED -> {
                    counts.skipped++;
                    problems.add(new RowProblem(item.line(), null, item.prospect().email(),
                            "a prospect with this email exists with other values; duplicate policy SKIP left it as it was",
                            Action.ROW_SKIPPED));
                }
            }
            Suppression suppression = suppressed.get(item.prospect().email());
            if (suppression != null) {
                counts.suppressed++;
                problems.add(new RowProblem(item.line(), null, item.prospect().email(),
                        "suppressed " + suppression.kind().name().toLowerCase(Locale.ROOT) + " " + suppression.value()
                                + " (" + suppression.reason() + "): imported, never enrolled", Action.SUPPRESSED));
            }
        }
        imports.addMembers(importId, upserted.prospectIds());
        imports.insertProblems(importId, problems);
        imports.chunkDone(importId, counts, bytesRead, clock.instant());
    }

    private void resolveOwners(List<ImportItem> items) {
        if (!ownerColumnAllowed) {
            return;
        }
        List<String> unknown = items.stream().map(ImportItem::owner).filter(o -> o != null)
                .map(o -> o.toLowerCase(Locale.ROOT)).filter(o -> !owners.containsKey(o)).distinct().toList();
        if (!unknown.isEmpty()) {
            Map<String, Long> found = imports.owners(unknown);
            unknown.forEach(name -> owners.put(name, found.get(name)));
        }
    }

    private ImportedProspect withOwner(ImportItem item) {
        ImportedProspect p = item.prospect();
        Long owner = ownerColumnAllowed && item.owner() != null ? owners.get(item.owner().toLowerCase(Locale.ROOT)) : null;
        if (owner == null) {
            if (ownerColumnAllowed && item.owner() != null) {
                item.problems().add(new RowProblem(item.line(), "owner", item.owner(), "is not a user's email or username",
                        Action.FIELD_IGNORED));
            }
            return p;
        }
        return new ImportedProspect(p.email(), p.firstName(), p.lastName(), p.title(), p.phone(), p.linkedinUrl(),
                p.timeZone(), p.country(), p.city(), p.customFields(), owner, p.companyName(), p.website());
    }
}
