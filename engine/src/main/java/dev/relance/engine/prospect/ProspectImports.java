package dev.relance.engine.prospect;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes many imported prospects at once: a few set-based statements per call instead of one
 * {@link ProspectService#create} per row. Accounts are found or created by email domain (never for
 * free-mail domains); duplicates follow a {@link DuplicatePolicy}.
 */
@Service
public class ProspectImports {

    private final ProspectBulkRepository bulk;
    private final Clock clock;

    ProspectImports(ProspectBulkRepository bulk, Clock clock) {
        this.bulk = bulk;
        this.clock = clock;
    }

    /** Whether an address at this domain says nothing about the person's company. */
    public static boolean isFreeMail(String domain) {
        return FreeMailDomains.contains(domain);
    }

    /**
     * Creates or updates the prospects of these rows, in the caller's transaction, and says what
     * happened to each (same order) and which prospects they landed on. A later row with the same
     * email as an earlier one merges into it by the same policy.
     */
    @Transactional
    public Upserted upsert(List<ImportedProspect> rows, DuplicatePolicy policy) {
        Instant now = clock.instant();
        Map<String, ProspectValues> existing = bulk.findByEmails(rows.stream().map(ImportedProspect::email).toList());
        Map<String, Long> accounts = accounts(rows, existing, now);
        Map<String, ProspectValues> created = new LinkedHashMap<>();
        Map<String, ProspectValues> changed = new LinkedHashMap<>();
        List<UpsertOutcome> outcomes = new ArrayList<>(rows.size());
        for (ImportedProspect row : rows) {
            String key = row.email().toLowerCase(Locale.ROOT);
            ProspectValues incoming = ProspectValues.of(row, accounts.get(EmailAddresses.domainOf(row.email())));
            ProspectValues pending = created.get(key);
            if (pending != null) {
                ProspectValues merged = pending.merge(incoming, policy == DuplicatePolicy.SKIP ? DuplicatePolicy.FILL_EMPTY : policy);
                outcomes.add(outcomeOf(pending, merged, policy));
                if (policy != DuplicatePolicy.SKIP) {
                    created.put(key, merged);
                }
                continue;
            }
            ProspectValues current = changed.containsKey(key) ? changed.get(key) : existing.get(key);
            if (current == null) {
                created.put(key, incoming);
                outcomes.add(UpsertOutcome.CREATED);
                continue;
            }
            ProspectValues merged = current.merge(incoming, policy == DuplicatePolicy.SKIP ? DuplicatePolicy.OVERWRITE : policy);
            UpsertOutcome outcome = outcomeOf(current, merged, policy);
            outcomes.add(outcome);
            if (outcome == UpsertOutcome.UPDATED) {
                changed.put(key, merged);
            }
        }
        Map<String, Long> createdIds = bulk.insert(List.copyOf(created.values()), now);
        bulk.update(List.copyOf(changed.values()), now);
        List<Long> ids = new ArrayList<>(createdIds.values());
        existing.values().forEach(known -> ids.add(known.id()));
        return new Upserted(outcomes, ids);
    }

    private static UpsertOutcome outcomeOf(ProspectValues current, ProspectValues merged, DuplicatePolicy policy) {
        if (merged.sameAs(current)) {
            return UpsertOutcome.UNCHANGED;
        }
        return policy == DuplicatePolicy.SKIP ? UpsertOutcome.SKIPPED : UpsertOutcome.UPDATED;
    }

    /** Accounts for the business domains of rows that will need one (new prospects, or existing ones without). */
    private Map<String, Long> accounts(List<ImportedProspect> rows, Map<String, ProspectValues> existing, Instant now) {
        Map<String, ImportedProspect> byDomain = new TreeMap<>();
        for (ImportedProspect row : rows) {
            ProspectValues known = existing.get(row.email().toLowerCase(Locale.ROOT));
            String domain = EmailAddresses.domainOf(row.email());
            if ((known == null || known.accountId() == null) && !FreeMailDomains.contains(domain)) {
                byDomain.merge(domain, row, (first, later) -> first.companyName() == null ? later : first);
            }
        }
        List<String> domains = List.copyOf(byDomain.keySet());
        List<String> names = new ArrayList<>(domains.size());
        List<String> websites = new ArrayList<>(domains.size());
        byDomain.forEach((domain, row) -> {
            names.add(row.companyName() == null ? AccountService.nameFromDomain(domain) : row.companyName());
            websites.add(row.website());
        });
        return bulk.accountsFor(domains, names, websites, now);
    }
}
