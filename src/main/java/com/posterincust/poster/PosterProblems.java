package com.posterincust.poster;

import com.posterincust.common.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Poster refused a call the flow needed: 502, with Poster's words. Before the service's general mapping. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class PosterProblems {

    private static final Logger log = LoggerFactory.getLogger(PosterProblems.class);

    @ExceptionHandler(PosterApiException.class)
    ProblemDetail posterRefused(PosterApiException e) {
        log.warn("Answering a Poster refusal: {}", e.getMessage());
        return Problems.of(HttpStatus.BAD_GATEWAY, Problems.POSTER_REFUSED, "Poster refused: " + e.posterMessage());
    }
}
