package com.posterincust.binding;

import com.posterincust.common.Problems;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** A binding refused, as every API that binds answers it: 422 {@code binding-rejected} with its reasons. */
public final class BindingProblems {

    public static final String TYPE = "binding-rejected";

    public static ProblemDetail problem(List<BindingRejection> reasons) {
        ProblemDetail problem = Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, TYPE,
                "The register cannot be bound: see reasons");
        problem.setProperty("reasons", reasons);
        return problem;
    }

    private BindingProblems() {
    }
}
