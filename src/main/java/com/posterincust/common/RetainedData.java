package com.posterincust.common;

import java.time.OffsetDateTime;

/**
 * Records a feature keeps for the time {@link RetentionSettings} gives them, deleted by {@link RetentionSweep} in
 * the nightly window. Each feature deletes its own tables; where one's rows refer to another's, the referring one is
 * ordered first ({@code @Order}).
 */
public interface RetainedData {

    /** What the rows are, for the log and the metric's tag. */
    String name();

    /**
     * Deletes at most {@code batchSize} rows (or groups of rows) kept past their time, in the caller's transaction.
     *
     * @return how many rows it deleted; 0 when none is left
     */
    int purgeBatch(OffsetDateTime now, RetentionSettings retention);
}
