package com.posterincust.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.posterincust.common.RequestPaths;
import com.posterincust.common.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;


/**
 * A task only the service completes ({@link ServiceOwnedWork}) is refused 403 when the engine REST API or Tasklist
 * is asked to complete it, whoever asks: the engine's own refusal would reach them as a 500.
 */
class ServiceOwnedTaskGuard extends OncePerRequestFilter {

    private static final Pattern COMPLETING = Pattern.compile(
            "/(?:engine-rest(?:/engine/[^/]+)?|camunda/api/engine/engine/[^/]+)/task/([^/]+)/(?:complete|submit-form|resolve)/?");

    private final TaskService tasks;
    private final ServiceOwnedWork owned;
    private final ObjectMapper json;

    ServiceOwnedTaskGuard(TaskService tasks, ServiceOwnedWork owned, ObjectMapper json) {
        this.tasks = tasks;
        this.owned = owned;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equalsIgnoreCase(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Matcher completing = COMPLETING.matcher(RequestPaths.routed(request));
        Optional<String> completedBy = completing.matches()
                ? Optional.ofNullable(tasks.createTaskQuery().taskId(completing.group(1)).singleResult())
                        .map(Task::getTaskDefinitionKey).flatMap(owned::completedBy)
                : Optional.empty();
        if (completedBy.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        Problems.write(response, json, Problems.of(HttpStatus.FORBIDDEN, Problems.FORBIDDEN,
                "This task is completed by the " + completedBy.get() + ", through the service's own API, not here"));
    }
}
