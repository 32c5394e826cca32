package com.posterincust.production;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.posterincust.OrchestratorApplication;
import com.posterincust.PostgresTestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The two-node tests' fixture: two instances of the service, job executors on, on one PostgreSQL database, Poster
 * and inCust faked by one WireMock server that answers the reserve with a transaction named after its external id.
 */
abstract class TwoNodes {

    static final String TX = "{\"id\":\"tx-{{jsonPath request.body '$.external_id'}}\",\"status\":\"reserved\","
            + "\"redeemed_bonuses\":0,\"discount_amount\":0,\"amount_to_pay\":91.00}";
    static final WireMockServer fakes = new WireMockServer(wireMockConfig().dynamicPort().globalTemplating(true));
    static final ObjectMapper json = new ObjectMapper();
    static ConfigurableApplicationContext nodeA;
    static ConfigurableApplicationContext nodeB;

    @BeforeAll
    static void twoNodesOnOneDatabase() {
        fakes.start();
        String database = PostgresTestDatabase.create();
        nodeA = node(database, fakes);
        nodeB = node(database, fakes);
    }

    @AfterAll
    static void stop() {
        nodeB.close();
        nodeA.close();
        fakes.stop();
    }

    private static ConfigurableApplicationContext node(String database, WireMockServer fakes) {
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
