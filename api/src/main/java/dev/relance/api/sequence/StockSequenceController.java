package dev.relance.api.sequence;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import dev.relance.api.security.RelanceUser;
import dev.relance.engine.sequence.Sequence;
import dev.relance.engine.sequence.StockSequences;
import dev.relance.templates.stock.StockCadence;

/** Starter cadences in English and French; copying one makes a DRAFT sequence to edit. */
@RestController
@RequestMapping("/api/v1/stock-sequences")
class StockSequenceController {

    private final StockSequences stock;

    StockSequenceController(StockSequences stock) {
        this.stock = stock;
    }

    @GetMapping
    List<StockCadence> list() {
        return stock.list();
    }

    /** @param locale en or fr (default en) */
    @PostMapping("/{key}/copy")
    ResponseEntity<Sequence> copy(@AuthenticationPrincipal RelanceUser me, @PathVariable String key,
            @RequestParam(defaultValue = "en") String locale) {
        Sequence sequence = stock.copy(key, locale, me.id());
        var location = ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/v1/sequences/{id}")
                .buildAndExpand(sequence.id()).toUri();
        return ResponseEntity.created(location).body(sequence);
    }
}
