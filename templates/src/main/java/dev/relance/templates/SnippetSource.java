package dev.relance.templates;

import java.util.Optional;

/** Where named snippets come from: the engine answers with the latest version's Liquid source. */
@FunctionalInterface
public interface SnippetSource {

    /** No snippets at all. */
    SnippetSource NONE = name -> Optional.empty();

    Optional<String> find(String name);
}
