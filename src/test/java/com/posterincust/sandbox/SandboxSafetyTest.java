package com.posterincust.sandbox;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.posterincust.common.PublicAddress;
import com.posterincust.common.SandboxProfileCheck;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** The sandbox is on only by choice or in the zero-configuration run; production settings under it refuse to start. */
class SandboxSafetyTest {

    @Test
    void productionSettingsUnderTheDefaultSandboxRefuseToStartNamingEachOne() {
        MockEnvironment defaulted = demo().withProperty("poster.application.id", "4321")
                .withProperty("spring.datasource.url", "jdbc:postgresql://db:5432/orchestrator")
                .withProperty("camunda.bpm.admin-user.password", "s3cret");

        assertThatThrownBy(() -> new SandboxConfiguration(defaulted, new PublicAddress()).afterPropertiesSet())
                .hasMessageContaining("no profile was chosen")
                .hasMessageContaining("poster.application.id").hasMessageContaining("spring.datasource.url")
                .hasMessageContaining("admin-user.password").hasMessageContaining("SPRING_PROFILES_ACTIVE");
    }

    @Test
    void theZeroConfigurationRunStarts() {
        assertThatCode(() -> new SandboxConfiguration(demo(), new PublicAddress()).afterPropertiesSet())
                .doesNotThrowAnyException();
    }

    @Test
    void theSandboxChosenOnPurposeMayUseOtherSettings() {
        MockEnvironment chosen = demo().withProperty("spring.datasource.url", "jdbc:postgresql://db:5432/try");
        chosen.setActiveProfiles("sandbox");

        assertThatCode(() -> new SandboxConfiguration(chosen, new PublicAddress()).afterPropertiesSet())
                .doesNotThrowAnyException();
    }

    @Test
    void theSandboxSwitchedOffUnderItsDefaultProfileRefusesToStart() {
        MockEnvironment forgotTheProfile = new MockEnvironment();
        forgotTheProfile.setDefaultProfiles("sandbox");

        assertThatThrownBy(() -> new SandboxProfileCheck(forgotTheProfile).afterPropertiesSet())
                .hasMessageContaining("SPRING_PROFILES_ACTIVE=production");
        MockEnvironment production = new MockEnvironment();
        production.setDefaultProfiles("sandbox");
        production.setActiveProfiles("production");
        assertThatCode(() -> new SandboxProfileCheck(production).afterPropertiesSet()).doesNotThrowAnyException();
    }

    private static MockEnvironment demo() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("poster.application.id", SandboxConfiguration.APPLICATION_ID)
                .withProperty("poster.application.secret", SandboxConfiguration.APPLICATION_SECRET)
                .withProperty("spring.datasource.url", "jdbc:h2:file:./data/orchestrator")
                .withProperty("camunda.bpm.admin-user.password", "demo");
        environment.setDefaultProfiles("sandbox");
        return environment;
    }
}
