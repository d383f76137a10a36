package dev.relance.api.user;

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
import dev.relance.engine.support.Page;
import dev.relance.engine.support.PageRequest;
import dev.relance.engine.user.Role;
import dev.relance.engine.user.User;
import dev.relance.engine.user.UserDraft;
import dev.relance.engine.user.UserService;

/** Users (ADMIN only). */
@RestController
@RequestMapping("/api/v1/users")
class UserController {

    private final UserService users;

    UserController(UserService users) {
        this.users = users;
    }

    @PostMapping
    ResponseEntity<User> create(@RequestBody @Validated UserDraft draft) {
        User user = users.create(draft);
        return Created.at(user.id(), user);
    }

    @GetMapping
    Page<User> list(@RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor,
            @RequestParam(required = false) Role role, @RequestParam(required = false) Long teamId) {
        return users.list(PageRequest.of(limit, cursor), role, teamId);
    }

    @GetMapping("/{id}")
    User get(@PathVariable long id) {
        return users.get(id);
    }

    @PutMapping("/{id}")
    User replace(@PathVariable long id, @RequestBody @Validated UserDraft draft) {
        return users.replace(id, draft);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        users.delete(id);
        return ResponseEntity.noContent().build();
    }
}
