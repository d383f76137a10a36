package dev.relance.api.pipeline;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.relance.api.Created;
import dev.relance.engine.pipeline.Stage;
import dev.relance.engine.pipeline.StageDraft;
import dev.relance.engine.pipeline.StageService;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The pipeline's stages in order (not paged: a handful). ADMIN changes them; MANAGER and SDR read
 * them. A stage with opportunities or history cannot be deleted ({@code 409 in-use}).
 */
@RestController
@RequestMapping("/api/v1/pipeline/stages")
class StageController {

    private final StageService stages;

    StageController(StageService stages) {
        this.stages = stages;
    }

    /** @param keys every stage key, once, in the new order */
    record Order(@NotNull @Size(max = 100) List<String> keys) {
    }

    @GetMapping
    List<Stage> list() {
        return stages.list();
    }

    @GetMapping("/{id}")
    Stage get(@PathVariable long id) {
        return stages.get(id);
    }

    /** Adds a stage after the last one. */
    @PostMapping
    ResponseEntity<Stage> create(@RequestBody @Validated StageDraft draft) {
        Stage stage = stages.create(draft);
        return Created.at(stage.id(), stage);
    }

    @PutMapping("/{id}")
    Stage replace(@PathVariable long id, @RequestBody @Validated StageDraft draft) {
        return stages.update(id, draft);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        stages.delete(id);
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/order")
    List<Stage> reorder(@RequestBody @Validated Order order) {
        return stages.reorder(order.keys());
    }
}
