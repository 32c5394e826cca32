package com.posterincust.daycheck;

/** Names shared by processes/day-check.bpmn and its Java side. */
public final class DayCheckProcess {

    public static final String KEY = "day-check";
    /** The check this instance runs; the business key is {@code <account>/<date>}. */
    public static final String VAR_DAY_CHECK_ID = "dayCheckId";
    /** Ends with "Label": history keeps it (common/HistoryKept); operators read it on the review task. */
    public static final String VAR_LABEL = "dayCheckLabel";
    public static final String VAR_OPEN_DIFFERENCES = "openDifferences";

    private DayCheckProcess() {
    }
}
