package com.posterincust.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.posterincust.common.RequestPaths;
import com.posterincust.common.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;


/**
 * Outside the sandbox the models come from {@code processes/} in the service's own jar: a deployment through the
 * engine REST API or the webapps' API is refused, since a model's expressions and scripts run inside the service.
 */
class ModelDeploymentGuard extends OncePerRequestFilter {

    static final String DEPLOYMENT_REFUSED = "deployment-refused";

    private static final Pattern DEPLOYING = Pattern.compile(
            "/(engine-rest(/engine/[^/]+)?|camunda/api/engine/engine/[^/]+)/deployment/(create|[^/]+/redeploy)/?");
    private static final Logger log = LoggerFactory.getLogger(ModelDeploymentGuard.class);

    private final ObjectMapper json;

    ModelDeploymentGuard(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equalsIgnoreCase(request.getMethod())
                || !DEPLOYING.matcher(RequestPaths.routed(request)).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        log.warn("Model deployment through {} refused (orchestrator.models.rest-deployment=false)",
                request.getRequestURI());
        Problems.write(response, json, Problems.of(HttpStatus.FORBIDDEN, DEPLOYMENT_REFUSED,
                "Models are deployed with the service from its processes/ folder; deploying through the API is off"));
    }
}
