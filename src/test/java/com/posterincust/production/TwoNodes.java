package com.posterincust.production;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.posterincust.OrchestratorApplication;
import com.posterincust.PostgresTestDatabase;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** Nodes of the service for the two-node tests: job executor on, one PostgreSQL database, Poster and inCust faked. */
final class TwoNodes {

    private TwoNodes() {
    }

    static ConfigurableApplicationContext node(String database, WireMockServer fakes) {
        return new SpringApplicationBuilder(OrchestratorApplication.class).profiles("test").run(
                "--server.port=0",
                "--spring.datasource.url=" + database,
                "--spring.datasource.username=" + PostgresTestDatabase.user(),
                "--spring.datasource.password=" + PostgresTestDatabase.password(),
                "--camunda.bpm.job-execution.enabled=true",
                "--poster.api.base-url=" + fakes.baseUrl() + "/poster/{account}/api",
                "--incust.api.base-url=" + fakes.baseUrl() + "/incust/v1");
    }

    static int port(ConfigurableApplicationContext node) {
        return ((WebServerApplicationContext) node).getWebServer().getPort();
    }
}
