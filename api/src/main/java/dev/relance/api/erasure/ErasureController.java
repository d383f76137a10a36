package dev.relance.api.erasure;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import dev.relance.api.security.RelanceUser;
import dev.relance.engine.erasure.Erasure;
import dev.relance.engine.erasure.ErasureService;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Erasure (right to be forgotten), ADMIN only: of a prospect, or of an address that may be in no
 * prospect. The answer is the audit record; it holds the address's hash, never the address.
 * A first erasure answers 201 with the record's Location; a repeated one 200 with the earlier record.
 */
@RestController
class ErasureController {

    private final ErasureService erasures;

    ErasureController(ErasureService erasures) {
        this.erasures = erasures;
    }

    /** @param email the address to erase */
    record AddressErasure(@NotBlank @Size(max = 320) String email) {
    }

    @PostMapping("/api/v1/prospects/{id}/erase")
    ResponseEntity<Erasure> eraseProspect(@AuthenticationPrincipal RelanceUser me, @PathVariable long id) {
        return answer(erasures.eraseProspect(id, me.id()));
    }

    @PostMapping("/api/v1/erasures")
    ResponseEntity<Erasure> eraseAddress(@AuthenticationPrincipal RelanceUser me,
            @RequestBody @Validated AddressErasure request) {
        return answer(erasures.eraseAddress(request.email(), me.id()));
    }

    @GetMapping("/api/v1/erasures/{id}")
    Erasure get(@PathVariable long id) {
        return erasures.get(id);
    }

    private static ResponseEntity<Erasure> answer(Erasure erasure) {
        if (erasure.alreadyErased()) {
            return ResponseEntity.ok(erasure);
        }
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/api/v1/erasures/{id}").buildAndExpand(erasure.id()).toUri()).body(erasure);
    }
}
