package com.posterincust.common;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * A status a model owns ({@link StatusFromModel}): the extension property that names it on the model's elements,
 * its values, and where it is written when the token arrives.
 *
 * @param <S> the statuses
 */
public interface ModelStatus<S extends Enum<S>> {

    /** The extension property (Modeler: <i>Properties panel → Extension properties</i>), e.g. {@code checkoutStatus}. */
    String property();

    Class<S> statuses();

    /**
     * Whether a model naming this status must name one on each of its end events: so that an added end event cannot
     * leave a caller waiting on a stale status.
     */
    boolean onEveryEndEvent();

    void set(DelegateExecution execution, S status);
}
