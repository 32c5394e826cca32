package com.posterincust.incust;

import com.posterincust.common.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * inCust said no where the flow expected no refusal: an unknown customer is the register's 404, anything else is
 * shown to the cashier in inCust's own words. Before the service's general mapping (common/ApiExceptionHandler).
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class IncustProblems {

    private static final Logger log = LoggerFactory.getLogger(IncustProblems.class);

    @ExceptionHandler(IncustApiException.class)
    ProblemDetail incustRefused(IncustApiException e) {
        log.info("Answering an inCust refusal: {}", e.getMessage());
        if (e.is(IncustApiException.CUSTOMER_NOT_FOUND)) {
            return Problems.of(HttpStatus.NOT_FOUND, Problems.CUSTOMER_NOT_FOUND, "inCust does not know this customer");
        }
        return Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, Problems.INCUST_REFUSED, e.incustMessage());
    }
}
