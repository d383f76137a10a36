package dev.relance.engine.template;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

import dev.relance.templates.CompiledEmail;

/**
 * Compiled template versions, compiled once and kept: a version never changes, so an entry never
 * goes stale. Bounded (least recently used out) so that memory stays flat however many versions exist.
 */
@Component
class CompiledTemplates {

    static final int CAPACITY = 2_000;

    private final Map<Long, CompiledEmail> cache = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, CompiledEmail> eldest) {
            return size() > CAPACITY;
        }
    };

    CompiledEmail get(long templateVersionId, Supplier<CompiledEmail> compile) {
        synchronized (cache) {
            CompiledEmail found = cache.get(templateVersionId);
            if (found != null) {
                return found;
            }
        }
        CompiledEmail fresh = compile.get();
        synchronized (cache) {
            cache.putIfAbsent(templateVersionId, fresh);
            return cache.get(templateVersionId);
        }
    }

    int size() {
        synchronized (cache) {
            return cache.size();
        }
    }
}
