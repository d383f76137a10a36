package dev.relance.engine.report;

/** Daily activity goals of a rep, per weekday; each at least 0 (0: no goal). */
public record TargetDraft(Integer dailyCalls, Integer dailyEmails, Integer dailyLinkedin, Integer dailyTasks) {
}
