package com.posterincust;

import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;

/** Drives the engine's jobs from a test, since the tests run without a job executor. */
public final class Jobs {

    private Jobs() {
    }

    /** Runs every executable job, including the ones they create, until none is left; failures propagate. */
    public static void runAll(ManagementService management) {
        for (int round = 0; round < 100; round++) {
            List<Job> jobs = management.createJobQuery().executable().list();
            if (jobs.isEmpty()) {
                return;
            }
            jobs.forEach(job -> management.executeJob(job.getId()));
        }
        throw new AssertionError("Jobs keep creating jobs: more than 100 rounds");
    }
}
