package com.posterincust.common;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The job executor looks for due jobs every few seconds. Among tens of thousands of checkouts waiting at their timers,
 * the engine's own query read every job each time (its "due date is null or past" condition finds no index): the
 * engine is told to give every job a due date and to acquire by it ({@code ensureJobDueDateNotNull},
 * {@code jobExecutorAcquireByDueDate} in application.yml), and this index lets it take the due ones from the front.
 * Jobs an older version left without a due date get one, or they would never be acquired (docs/performance.md,
 * "A year of data").
 */
@Component
public class JobAcquisitionIndex implements InitializingBean {

    private final JdbcTemplate jdbc;

    /** The engine is built, and its tables made, before this bean. */
    public JobAcquisitionIndex(JdbcTemplate jdbc, ProcessEngine engine) {
        this.jdbc = jdbc;
    }

    @Override
    public void afterPropertiesSet() {
        jdbc.execute("create index if not exists ix_act_ru_job_duedate on act_ru_job (duedate_)");
        jdbc.update("update act_ru_job set duedate_ = current_timestamp where duedate_ is null");
    }
}
