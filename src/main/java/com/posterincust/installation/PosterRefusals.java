package com.posterincust.installation;

import com.posterincust.poster.PosterApiException;
import java.util.function.Supplier;
import org.camunda.bpm.engine.delegate.BpmnError;

/** Turns Poster's refusals that the installation model handles into its BPMN errors; others stay exceptions. */
final class PosterRefusals {

    private PosterRefusals() {
    }

    /**
     * A refused token, missing rights or a tariff plan without the method can only be cured by the business (install
     * again, change the plan): the model marks the account instead of retrying.
     */
    static <T> T accessDeniedAsBpmnError(Supplier<T> step) {
        try {
            return step.get();
        } catch (PosterApiException e) {
            if (e.requiresReinstall() || e.code() == PosterApiException.NO_RIGHTS
                    || e.code() == PosterApiException.TARIFF_RESTRICTED) {
                throw new BpmnError(InstallationProcess.ERROR_ACCESS_DENIED, describe(e));
            }
            throw e;
        }
    }

    static String describe(PosterApiException e) {
        return e.code() == PosterApiException.TARIFF_RESTRICTED ? e.getMessage()
                : "Poster error " + e.code() + " on " + e.method() + ": " + e.posterMessage();
    }
}
