package com.posterincust.common;

import java.util.Arrays;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The sandbox switched off while its profile is active (as the default, because no profile was chosen) would point
 * the service at fakes that are not there: refuse, naming the fix.
 */
@Component
@ConditionalOnProperty(name = "sandbox.enabled", havingValue = "false")
public class SandboxProfileCheck implements InitializingBean {

    private final Environment environment;

    public SandboxProfileCheck(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void afterPropertiesSet() {
        boolean sandboxProfile = Arrays.asList(environment.getActiveProfiles()).contains("sandbox")
                || (environment.getActiveProfiles().length == 0
                        && Arrays.asList(environment.getDefaultProfiles()).contains("sandbox"));
        if (sandboxProfile) {
            throw new IllegalStateException("sandbox.enabled=false, but the sandbox profile is active and points "
                    + "Poster and inCust at fakes: choose a profile for this run (SPRING_PROFILES_ACTIVE=production)");
        }
    }
}
