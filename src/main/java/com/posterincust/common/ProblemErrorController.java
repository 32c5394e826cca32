package com.posterincust.common;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.autoconfigure.web.servlet.error.BasicErrorController;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;

/**
 * Errors that never reached a controller (a filter failed, the server refused the request) answer in the same
 * problem+json as every API error; browsers asking for HTML still get Spring Boot's page.
 */
@Controller
public class ProblemErrorController extends BasicErrorController {

    public ProblemErrorController(ErrorAttributes errorAttributes, ServerProperties server) {
        super(errorAttributes, server.getError());
    }

    /** {@code /error} asked for directly, not forwarded to with an error, is a page that does not exist. */
    @Override
    protected HttpStatus getStatus(HttpServletRequest request) {
        return request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) == null ? HttpStatus.NOT_FOUND
                : super.getStatus(request);
    }

    @Override
    public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        HttpStatus status = getStatus(request);
        if (status == HttpStatus.NO_CONTENT) {
            return new ResponseEntity<>(status);
        }
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", Problems.type(Problems.slugOf(status.value())).toString());
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", status.is5xxServerError()
                ? "The service failed; nothing of this request may be assumed done. The log says why."
                : status.getReasonPhrase());
        Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (path != null) {
            problem.put("instance", path);
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
