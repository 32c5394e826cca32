package com.posterincust.installation;

import com.posterincust.poster.PosterApiException;
import java.util.function.Supplier;
import org.camunda.bpm.engine.delegate.BpmnError;

/** Turns Poster's refusals that the installation model handles into its BPMN errors; others stay exceptions. */
final class PosterRefusals {

    private PosterRefusals() {
    }

    /** A refused token or missing rights can only be cured by installing again: the model marks the account. */
    static <T> T accessDeniedAsBpmnError(Supplier<T> step) {
        try {
            return step.get();
        } catch (PosterApiException e) {
            if (e.requiresReinstall() || e.code() == PosterApiException.NO_RIGHTS) {
                throw new BpmnError(InstallationProcess.ERROR_ACCESS_DENIED, describe(e));
            }
            throw e;
        }
    }

    static String describe(PosterApiException e) {
        return "Poster error " + e.code() + " on " + e.method() + ": " + e.posterMessage();
    }
}
