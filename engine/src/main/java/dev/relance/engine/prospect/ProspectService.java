package dev.relance.engine.prospect;

import java.time.Clock;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.relance.engine.support.ConflictException;
import dev.relance.engine.support.Constraints;
import dev.relance.engine.support.NotFoundException;
import dev.relance.engine.support.Page;
import dev.relance.engine.support.PageRequest;

/** Prospects: the people we write to, linked to their company's account. */
@Service
public class ProspectService {

    private final ProspectRepository prospects;
    private final AccountService accounts;
    private final Clock clock;

    ProspectService(ProspectRepository prospects, AccountService accounts, Clock clock) {
        this.prospects = prospects;
        this.accounts = accounts;
        this.clock = clock;
    }

    @Transactional
    public Prospect create(ProspectDraft draft) {
        CustomFields.checkProspect(draft);
        String email = EmailAddresses.normalise(draft.email());
        try {
            return prospects.insert(draft, email, accountOf(draft, email), clock.instant());
        } catch (DuplicateKeyException e) {
            throw duplicate(email);
        } catch (DataIntegrityViolationException e) {
            throw Constraints.invalidReference(e, "prospect");
        }
    }

    @Transactional
    public Prospect replace(long id, ProspectDraft draft) {
        CustomFields.checkProspect(draft);
        String email = EmailAddresses.normalise(draft.email());
        try {
            return prospects.update(id, draft, email, accountOf(draft, email), clock.instant())
                    .orElseThrow(() -> new NotFoundException("prospect", id));
        } catch (DuplicateKeyException e) {
            throw duplicate(email);
        } catch (DataIntegrityViolationException e) {
            throw Constraints.invalidReference(e, "prospect");
        }
    }

    public Prospect get(long id) {
        return prospects.findById(id).orElseThrow(() -> new NotFoundException("prospect", id));
    }

    /** The prospects with these ids, in one query (missing ids are left out). */
    public Map<Long, Prospect> getAll(Collection<Long> ids) {
        return prospects.findByIds(ids).stream().collect(Collectors.toMap(Prospect::id, p -> p));
    }

    public Page<Prospect> list(PageRequest page, ProspectFilter filter) {
        return Page.of(prospects.list(page, filter), page, Prospect::id);
    }

    /** Every custom-field key ever written on a prospect: what templates may use as {@code custom.<key>}. */
    public Set<String> customFieldKeys() {
        return Set.copyOf(prospects.customFieldKeys());
    }

    /** Deletes a prospect with its enrollments and messages. Erasure with a suppression trace is separate. */
    @Transactional
    public void delete(long id) {
        try {
            if (!prospects.delete(id)) {
                throw new NotFoundException("prospect", id);
            }
        } catch (DataIntegrityViolationException e) {
            throw Constraints.inUse("prospect", id);
        }
    }

    private Long accountOf(ProspectDraft draft, String email) {
        if (draft.accountId() != null) {
            return draft.accountId();
        }
        return accounts.accountForDomain(EmailAddresses.domainOf(email), draft.companyName());
    }

    private static ConflictException duplicate(String email) {
        return new ConflictException("duplicate-prospect", "a prospect with email " + email + " already exists");
    }
}
