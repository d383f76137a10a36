package dev.relance.engine.user;

import java.time.Clock;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import dev.relance.engine.support.ConflictException;
import dev.relance.engine.support.NotFoundException;

/** Teams of users; a user's team is set on the user ({@link UserDraft#teamId()}). */
@Service
public class TeamService {

    private final TeamRepository teams;
    private final Clock clock;

    TeamService(TeamRepository teams, Clock clock) {
        this.teams = teams;
        this.clock = clock;
    }

    public Team create(TeamDraft draft) {
        try {
            return teams.insert(draft, clock.instant());
        } catch (DuplicateKeyException e) {
            throw duplicate(draft);
        }
    }

    public Team get(long id) {
        return teams.find(id).orElseThrow(() -> new NotFoundException("team", id));
    }

    public List<Team> list() {
        return teams.list();
    }

    /** The ids of the team's members. */
    public List<Long> memberIds(long id) {
        get(id);
        return teams.members(id);
    }

    public Team replace(long id, TeamDraft draft) {
        try {
            return teams.update(id, draft, clock.instant()).orElseThrow(() -> new NotFoundException("team", id));
        } catch (DuplicateKeyException e) {
            throw duplicate(draft);
        }
    }

    /** Deletes the team; its members stay, without a team. */
    public void delete(long id) {
        if (!teams.delete(id)) {
            throw new NotFoundException("team", id);
        }
    }

    private static ConflictException duplicate(TeamDraft draft) {
        return new ConflictException("duplicate-team", "a team named \"" + draft.name().strip() + "\" already exists");
    }
}
