package dev.relance.engine.prospect;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.relance.engine.support.ConflictException;
import dev.relance.engine.support.Constraints;
import dev.relance.engine.support.InvalidInputException;
import dev.relance.engine.support.InvalidInputException.FieldProblem;
import dev.relance.engine.support.NotFoundException;
import dev.relance.engine.support.Page;
import dev.relance.engine.support.PageRequest;

/** Companies, keyed by email domain. */
@Service
public class AccountService {

    private final AccountRepository accounts;
    private final Clock clock;

    AccountService(AccountRepository accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    @Transactional
    public Account create(AccountDraft draft) {
        check(draft);
        try {
            return accounts.insert(draft, clock.instant());
        } catch (DuplicateKeyException e) {
            throw duplicate(draft);
        } catch (DataIntegrityViolationException e) {
            throw Constraints.invalidReference(e, "account");
        }
    }

    @Transactional
    public Account replace(long id, AccountDraft draft) {
        check(draft);
        try {
            return accounts.update(id, draft, clock.instant()).orElseThrow(() -> new NotFoundException("account", id));
        } catch (DuplicateKeyException e) {
            throw duplicate(draft);
        } catch (DataIntegrityViolationException e) {
            throw Constraints.invalidReference(e, "account");
        }
    }

    public Account get(long id) {
        return accounts.findById(id).orElseThrow(() -> new NotFoundException("account", id));
    }

    /** The accounts with these ids, in one query (missing ids are left out). */
    public Map<Long, Account> getAll(Collection<Long> ids) {
        return accounts.findByIds(ids).stream().collect(Collectors.toMap(Account::id, a -> a));
    }

    public Page<Account> list(PageRequest page, Long ownerId, String domain) {
        return Page.of(accounts.list(page, ownerId, domain), page, Account::id);
    }

    /** Deletes an account; its prospects stay, without an account. */
    @Transactional
    public void delete(long id) {
        try {
            if (!accounts.delete(id)) {
                throw new NotFoundException("account", id);
            }
        } catch (DataIntegrityViolationException e) {
            throw Constraints.inUse("account", id);
        }
    }

    /**
     * The account of a business email domain, created on first sight; null for free-mail domains,
     * which say nothing about the person's company.
     */
    Long accountForDomain(String domain, String companyName) {
        if (FreeMailDomains.contains(domain)) {
            return null;
        }
        String name = companyName == null || companyName.isBlank() ? nameFromDomain(domain) : companyName.trim();
        return accounts.findOrCreateByDomain(domain, name, clock.instant());
    }

    static String nameFromDomain(String domain) {
        String label = domain.split("\\.")[0];
        return Character.toUpperCase(label.charAt(0)) + label.substring(1);
    }

    private static void check(AccountDraft draft) {
        List<FieldProblem> problems = CustomFields.check("customFields", draft.customFields());
        if (FreeMailDomains.contains(draft.domain().trim())) {
            problems.add(new FieldProblem("domain", "is a free-mail domain: it does not identify a company"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private static ConflictException duplicate(AccountDraft draft) {
        return new ConflictException("duplicate-account", "an account with domain " + draft.domain() + " already exists");
    }
}
