package com.posterincust.installation;

import static org.assertj.core.api.Assertions.assertThat;

import com.posterincust.OrchestratorApplication;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** processes/ is packaged into the jar and deployed at start; a restart with unchanged models makes no new version. */
class ModelDeploymentTest {

    @Test
    void restartingWithUnchangedModelsKeepsTheirVersion() {
        String database = "jdbc:h2:mem:deployment-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";

        ProcessDefinition first = startAndReadDefinition(database);
        ProcessDefinition second = startAndReadDefinition(database);

        assertThat(first.getVersion()).isEqualTo(1);
        assertThat(first.getHistoryTimeToLive()).isEqualTo(180);
        assertThat(second.getId()).isEqualTo(first.getId());
    }

    private static ProcessDefinition startAndReadDefinition(String database) {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(OrchestratorApplication.class)
                .profiles("test")
                .run("--spring.datasource.url=" + database, "--server.port=0")) {
            return context.getBean(RepositoryService.class).createProcessDefinitionQuery()
                    .processDefinitionKey(InstallationProcess.KEY).latestVersion().singleResult();
        }
    }
}
