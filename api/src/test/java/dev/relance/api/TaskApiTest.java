package dev.relance.api;

import static dev.relance.api.ApiValidationTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.relance.api.support.Api;
import dev.relance.api.support.ApiFixtures;
import dev.relance.api.support.ApiFixtures.SignedIn;
import dev.relance.api.support.ApiTest;
import dev.relance.api.support.Response;
import dev.relance.engine.task.NewTask;
import dev.relance.engine.task.Task;
import dev.relance.engine.task.TaskService;
import dev.relance.engine.task.TaskState;
import dev.relance.engine.task.TaskType;
import dev.relance.engine.testing.MutableClock;
import dev.relance.engine.testing.TestClockConfiguration;
import dev.relance.engine.user.Role;
import tools.jackson.databind.JsonNode;

/** Tasks over HTTP; they are made through the engine, as the dispatcher will make them. */
@ApiTest
class TaskApiTest {

    private static final Instant START = TestClockConfiguration.START;

    @Autowired
    ApiFixtures fixtures;
    @Autowired
    TaskService tasks;
    @Autowired
    MutableClock clock;

    SignedIn sdr;
    SignedIn otherSdr;

    @BeforeEach
    void twoSdrs() {
        clock.set(START);
        sdr = fixtures.signIn(Role.SDR);
        otherSdr = fixtures.signIn(Role.SDR);
    }

    @Test
    void an_sdr_sees_only_their_own_tasks_whatever_owner_they_ask_for() {
        Task mine = tasks.create(call(sdr, START.plus(Duration.ofHours(1))));
        Task theirs = tasks.create(call(otherSdr, START.plus(Duration.ofHours(1))));

        assertThat(ids(fixtures.as(sdr).get("/api/v1/tasks"))).containsExactly(mine.id());
        assertThat(ids(fixtures.as(sdr).get("/api/v1/tasks?ownerId=" + otherSdr.id()))).containsExactly(mine.id());
        assertThat(ids(fixtures.as(Role.MANAGER).get("/api/v1/tasks?ownerId=" + otherSdr.id())))
                .containsExactly(theirs.id());
    }

    @Test
    void another_sdrs_task_is_not_found_and_stays_as_it_was() {
        Task theirs = tasks.create(call(otherSdr, START));
        Api api = fixtures.as(sdr);

        assertProblem(api.get("/api/v1/tasks/" + theirs.id()), 404, "not-found");
        assertProblem(api.post("/api/v1/tasks/" + theirs.id() + "/complete", """
                {"outcomeCode": "CONNECTED"}
                """), 404, "not-found");
        assertProblem(api.post("/api/v1/tasks/" + theirs.id() + "/skip", null), 404, "not-found");
        assertThat(tasks.get(theirs.id()).state()).isEqualTo(TaskState.OPEN);
        assertThat(fixtures.as(otherSdr).get("/api/v1/tasks/" + theirs.id()).status()).isEqualTo(200);
    }

    @Test
    void a_call_is_completed_with_its_outcome_and_only_once() {
        Task task = tasks.create(call(sdr, START));
        Api api = fixtures.as(sdr);

        Response done = api.post("/api/v1/tasks/" + task.id() + "/complete", """
                {"outcomeCode": "CONNECTED", "notes": "Wants a demo next week"}
                """);

        assertThat(done.status()).as(done.toString()).isEqualTo(200);
        assertThat(done.json().get("state").asString()).isEqualTo("COMPLETED");
        assertThat(done.json().get("outcomeCode").asString()).isEqualTo("CONNECTED");
        assertThat(done.json().get("outcome").asString()).isEqualTo("Wants a demo next week");
        assertThat(done.json().get("completedAt").asString()).isEqualTo(START.toString());
        assertProblem(api.post("/api/v1/tasks/" + task.id() + "/complete", """
                {"outcomeCode": "VOICEMAIL"}
                """), 409, "task-not-open");
    }

    @Test
    void an_admin_closes_anyones_task_and_a_skip_keeps_its_reason() {
        Task task = tasks.create(call(sdr, START));

        Response skipped = fixtures.as(Role.ADMIN).post("/api/v1/tasks/" + task.id() + "/skip", """
                {"reason": "no phone number on file"}
                """);

        assertThat(skipped.status()).as(skipped.toString()).isEqualTo(200);
        assertThat(skipped.json().get("state").asString()).isEqualTo("SKIPPED");
        assertThat(skipped.json().get("outcome").asString()).isEqualTo("no phone number on file");
    }

    @Test
    void bad_input_is_a_validation_problem_and_leaves_the_task_open() {
        Task task = tasks.create(call(sdr, START));
        Api api = fixtures.as(sdr);
        String complete = "/api/v1/tasks/" + task.id() + "/complete";

        Response tooLong = api.post(complete, """
                {"outcomeCode": "CONNECTED", "notes": "%s"}
                """.formatted("x".repeat(2001)));
        assertProblem(tooLong, 400, "validation");
        assertThat(tooLong.json().get("errors").get(0).get("field").asString()).isEqualTo("notes");

        Response unknownCode = api.post(complete, """
                {"outcomeCode": "MAYBE"}
                """);
        assertProblem(unknownCode, 400, "validation");
        assertThat(unknownCode.json().get("errors").get(0).get("field").asString()).isEqualTo("outcomeCode");

        Response noDisposition = api.post(complete, "{}");
        assertProblem(noDisposition, 400, "validation");
        assertThat(noDisposition.json().get("errors").get(0).get("field").asString()).isEqualTo("outcomeCode");

        Response emailOnACall = api.post(complete, """
                {"outcomeCode": "CONNECTED", "subject": "Hello"}
                """);
        assertProblem(emailOnACall, 400, "validation");
        assertThat(emailOnACall.json().get("errors").get(0).get("field").asString()).isEqualTo("subject");

        assertProblem(api.get("/api/v1/tasks?state=DANCING"), 400, "validation");
        assertProblem(api.get("/api/v1/tasks?cursor=not-a-cursor"), 400, "validation");
        assertThat(tasks.get(task.id()).state()).isEqualTo(TaskState.OPEN);
    }

    @Test
    void the_list_pages_most_urgent_first_and_filters_overdue_tasks() {
        Task later = tasks.create(call(sdr, START.plus(Duration.ofDays(1))));
        Task late = tasks.create(call(sdr, START.minus(Duration.ofHours(3))));
        Task soon = tasks.create(call(sdr, START.plus(Duration.ofHours(1))));
        Api api = fixtures.as(sdr);

        List<Long> seen = new ArrayList<>();
        String path = "/api/v1/tasks?state=OPEN&limit=1";
        Response page = api.get(path);
        while (true) {
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            seen.addAll(ids(page));
            JsonNode next = page.json().get("nextCursor");
            if (next == null || next.isNull()) {
                break;
            }
            page = api.get(path + "&cursor=" + next.asString());
        }

        assertThat(seen).containsExactly(late.id(), soon.id(), later.id());
        Response overdue = api.get("/api/v1/tasks?overdue=true");
        assertThat(ids(overdue)).containsExactly(late.id());
        assertThat(overdue.json().get("items").get(0).get("overdue").asBoolean()).isTrue();
    }

    @Test
    void a_manager_sees_the_overdue_count_per_owner_and_an_sdr_may_not() {
        tasks.create(call(sdr, START.minus(Duration.ofHours(2))));
        tasks.create(call(sdr, START.minus(Duration.ofMinutes(5))));
        tasks.create(call(sdr, START.plus(Duration.ofHours(2))));
        tasks.create(call(otherSdr, START.minus(Duration.ofDays(1))));

        Response counts = fixtures.as(Role.MANAGER).get("/api/v1/tasks/overdue-by-owner");

        assertThat(counts.status()).as(counts.toString()).isEqualTo(200);
        assertThat(overdueOf(counts, sdr.id())).isEqualTo(2);
        assertThat(overdueOf(counts, otherSdr.id())).isEqualTo(1);
        assertProblem(fixtures.as(sdr).get("/api/v1/tasks/overdue-by-owner"), 403, "forbidden");
    }

    private static NewTask call(SignedIn owner, Instant dueAt) {
        return new NewTask(null, null, null, owner.id(), null, TaskType.CALL, "Call Ada", null, dueAt, null, null, null);
    }

    private static List<Long> ids(Response page) {
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        page.json().get("items").forEach(item -> ids.add(item.get("id").asLong()));
        return ids;
    }

    private static long overdueOf(Response counts, long ownerId) {
        for (JsonNode row : counts.json()) {
            if (row.get("ownerId").asLong() == ownerId) {
                return row.get("overdue").asLong();
            }
        }
        return 0;
    }
}
