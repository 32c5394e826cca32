package com.posterincust;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.camunda.bpm.engine.ManagementService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The service on a random port, sandbox off, its Poster and inCust clients pointed at {@link BlackBox#FAKES}. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class AgainstFakesTest {

    protected static final WireMockServer fakes = BlackBox.FAKES;

    @DynamicPropertySource
    static void pointAtFakes(DynamicPropertyRegistry registry) {
        BlackBox.pointAtFakes(registry);
    }

    @LocalServerPort
    protected int port;
    @Autowired
    protected ManagementService management;
    @Autowired
    protected ObjectMapper json;
}
