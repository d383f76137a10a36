package dev.relance.api.template;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
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
import dev.relance.api.security.RelanceUser;
import dev.relance.engine.support.Page;
import dev.relance.engine.support.PageRequest;
import dev.relance.engine.template.Snippet;
import dev.relance.engine.template.SnippetDraft;
import dev.relance.engine.template.SnippetService;

/** Snippets: named reusable blocks, included with {@code {% snippet "name" %}}; every edit is a version. */
@RestController
@RequestMapping("/api/v1/snippets")
class SnippetController {

    private final SnippetService snippets;

    SnippetController(SnippetService snippets) {
        this.snippets = snippets;
    }

    @PostMapping
    ResponseEntity<Snippet> create(@AuthenticationPrincipal RelanceUser me, @RequestBody @Validated SnippetDraft draft) {
        Snippet snippet = snippets.create(draft, me.id());
        return Created.at(snippet.id(), snippet);
    }

    @GetMapping
    Page<Snippet> list(@RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
        return snippets.list(PageRequest.of(limit, cursor));
    }

    @GetMapping("/{id}")
    Snippet get(@PathVariable long id) {
        return snippets.get(id);
    }

    @GetMapping("/{id}/versions")
    List<Snippet> versions(@PathVariable long id) {
        return snippets.versions(id);
    }

    @PutMapping("/{id}")
    Snippet replace(@AuthenticationPrincipal RelanceUser me, @PathVariable long id, @RequestBody @Validated SnippetDraft draft) {
        return snippets.replace(id, draft, me.id());
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        snippets.delete(id);
        return ResponseEntity.noContent().build();
    }
}
