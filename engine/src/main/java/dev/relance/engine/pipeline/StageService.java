package dev.relance.engine.pipeline;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.relance.engine.support.ConflictException;
import dev.relance.engine.support.InvalidInputException;
import dev.relance.engine.support.NotFoundException;

/**
 * The pipeline's stages, in order: by default the SiriusDecisions Demand Waterfall (Inquiry, MQL,
 * SAL, SQL, Opportunity, Closed Won, Closed Lost). A stage that an opportunity or the stage history
 * refers to cannot be deleted, nor change category; neither can the stage qualified replies go to.
 */
@Service
@EnableConfigurationProperties(PipelineProperties.class)
public class StageService {

    private final StageRepository stages;
    private final PipelineProperties properties;

    StageService(StageRepository stages, PipelineProperties properties) {
        this.stages = stages;
        this.properties = properties;
    }

    public List<Stage> list() {
        return stages.list();
    }

    public Stage get(long id) {
        return stages.findById(id).orElseThrow(() -> new NotFoundException("stage", id));
    }

    public Optional<Stage> find(String key) {
        return stages.findByKey(key);
    }

    /** The stage of this key, or a validation error on {@code field}. */
    public Stage byKey(String key, String field) {
        if (key == null || key.isBlank()) {
            throw new InvalidInputException(field, "must name a stage");
        }
        return stages.findByKey(key).orElseThrow(() -> new InvalidInputException(field,
                "is not a stage: " + key + " (stages: " + String.join(", ", list().stream().map(Stage::key).toList()) + ")"));
    }

    /** The first LOST stage by position: where a disqualified opportunity goes. */
    public Stage firstLost() {
        return list().stream().filter(stage -> stage.category() == StageCategory.LOST).findFirst()
                .orElseThrow(() -> new ConflictException("no-lost-stage", "the pipeline has no LOST stage"));
    }

    /** Adds a stage after the last one. */
    @Transactional
    public Stage create(StageDraft draft) {
        stages.lockAll();
        try {
            return stages.insert(draft);
        } catch (DuplicateKeyException e) {
            throw new ConflictException("duplicate-stage", "a stage with key " + draft.key() + " exists");
        }
    }

    /** Renames a stage, or changes its probability; its category only while nothing refers to it. */
    @Transactional
    public Stage update(long id, StageDraft draft) {
        Stage current = get(id);
        if (!current.key().equals(draft.key())) {
            throw new InvalidInputException("key", "cannot change (it was " + current.key() + ")");
        }
        if (current.category() != draft.category() && stages.inUse(id)) {
            throw new ConflictException("in-use", "stage " + current.key()
                    + " has opportunities or history; its category cannot change");
        }
        return stages.update(id, draft).orElseThrow(() -> new NotFoundException("stage", id));
    }

    @Transactional
    public void delete(long id) {
        Stage stage = get(id);
        if (stage.key().equals(properties.qualifiedReplyStage())) {
            throw new ConflictException("in-use", "stage " + stage.key()
                    + " is where qualified replies go (relance.pipeline.qualified-reply-stage)");
        }
        if (stages.inUse(id)) {
            throw new ConflictException("in-use", "stage " + stage.key()
                    + " has opportunities or stage history and cannot be deleted");
        }
        stages.delete(id);
    }

    /** Puts the stages in this order: every key exactly once. */
    @Transactional
    public List<Stage> reorder(List<String> keys) {
        stages.lockAll();
        Set<String> known = new HashSet<>(list().stream().map(Stage::key).toList());
        if (keys == null || keys.size() != known.size() || !new HashSet<>(keys).equals(known)) {
            throw new InvalidInputException("keys", "must list every stage key exactly once: " + known);
        }
        stages.reorder(keys);
        return list();
    }
}
