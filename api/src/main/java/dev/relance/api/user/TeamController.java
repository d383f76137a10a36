package dev.relance.api.user;

import java.util.List;
import java.util.Map;

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
import dev.relance.engine.user.Team;
import dev.relance.engine.user.TeamDraft;
import dev.relance.engine.user.TeamService;

/** Teams (ADMIN writes; ADMIN and MANAGER read). Members are set on each user ({@code teamId}). */
@RestController
@RequestMapping("/api/v1/teams")
class TeamController {

    private final TeamService teams;

    TeamController(TeamService teams) {
        this.teams = teams;
    }

    @PostMapping
    ResponseEntity<Team> create(@RequestBody @Validated TeamDraft draft) {
        Team team = teams.create(draft);
        return Created.at(team.id(), team);
    }

    /** Every team, by name (teams are few: not paged). */
    @GetMapping
    Map<String, List<Team>> list() {
        return Map.of("items", teams.list());
    }

    @GetMapping("/{id}")
    Team get(@PathVariable long id) {
        return teams.get(id);
    }

    @PutMapping("/{id}")
    Team replace(@PathVariable long id, @RequestBody @Validated TeamDraft draft) {
        return teams.replace(id, draft);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        teams.delete(id);
        return ResponseEntity.noContent().build();
    }
}
