package dev.relance.api.user;

import java.time.Instant;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.relance.api.Created;
import dev.relance.api.security.RelanceUser;
import dev.relance.engine.user.ApiToken;
import dev.relance.engine.user.IssuedToken;
import dev.relance.engine.user.User;
import dev.relance.engine.user.UserService;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The signed-in user and their personal API tokens. */
@RestController
@RequestMapping("/api/v1/me")
class MeController {

    private final UserService users;

    MeController(UserService users) {
        this.users = users;
    }

    /**
     * @param name what the token is for ("CRM sync")
     * @param expiresAt optional end of validity
     */
    record TokenRequest(@NotBlank @Size(max = 100) String name, @Future Instant expiresAt) {
    }

    @GetMapping
    User me(@AuthenticationPrincipal RelanceUser me) {
        return users.get(me.id());
    }

    @GetMapping("/tokens")
    List<ApiToken> tokens(@AuthenticationPrincipal RelanceUser me) {
        return users.tokens(me.id());
    }

    /** Issues a token; its secret is in this response only. */
    @PostMapping("/tokens")
    ResponseEntity<IssuedToken> issue(@AuthenticationPrincipal RelanceUser me, @RequestBody @Validated TokenRequest request) {
        IssuedToken issued = users.issueToken(me.id(), request.name(), request.expiresAt());
        return Created.at(issued.token().id(), issued);
    }

    @DeleteMapping("/tokens/{id}")
    ResponseEntity<Void> revoke(@AuthenticationPrincipal RelanceUser me, @PathVariable long id) {
        users.revokeToken(me.id(), id);
        return ResponseEntity.noContent().build();
    }
}
