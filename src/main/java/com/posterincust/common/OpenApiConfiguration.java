package com.posterincust.common;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service's own description at /v3/api-docs. */
@Configuration
public class OpenApiConfiguration {

    @Bean
    OpenAPI orchestratorApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Checkout orchestrator: Poster POS and inCust loyalty")
                        .version("v1")
                        .description("Poster-facing endpoints (install, OAuth callback, webhooks) and the "
                                + "administration API. Errors are RFC 9457 problems with type /problems/<slug>."))
                .components(new Components().addSecuritySchemes("basic", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("basic")
                        .description("An engine user in the camunda-admin group (the Cockpit login)")));
    }
}
