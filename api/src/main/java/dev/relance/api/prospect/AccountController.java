package dev.relance.api.prospect;

import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.relance.api.Created;
import dev.relance.engine.prospect.Account;
import dev.relance.engine.prospect.AccountDraft;
import dev.relance.engine.prospect.AccountService;
import dev.relance.engine.support.Page;
import dev.relance.engine.support.PageRequest;

/** Accounts (companies by email domain); same access as prospects. */
@RestController
@RequestMapping("/api/v1/accounts")
class AccountController {

    private final AccountService accounts;

    AccountController(AccountService accounts) {
        this.accounts = accounts;
    }

    @PostMapping
    ResponseEntity<Account> create(@RequestBody @Validated AccountDraft draft) {
        Account account = accounts.create(draft);
        return Created.at(account.id(), account);
    }

    @GetMapping
    Page<Account> list(@RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor,
            @RequestParam(required = false) Long ownerId, @RequestParam(required = false) String domain) {
        return accounts.list(PageRequest.of(limit, cursor), ownerId, domain);
    }

    @GetMapping("/{id}")
    Account get(@PathVariable long id) {
        return accounts.get(id);
    }

    @PutMapping("/{id}")
    Account replace(@PathVariable long id, @RequestBody @Validated AccountDraft draft) {
        return accounts.replace(id, draft);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        accounts.delete(id);
        return ResponseEntity.noContent().build();
    }
}
