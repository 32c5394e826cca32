package com.posterincust;

import javax.xml.datatype.DatatypeFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@EnableAsync
public class OrchestratorApplication {

    static {
        pinDatatypeFactory();
    }

    /**
     * The engine parses a timer's duration with {@code DatatypeFactory.newInstance()}, which without this property
     * searches {@code META-INF/services} of every jar in the application for an implementation, on every call: 5 % of
     * a checkout's CPU (docs/performance.md). No jar of ours offers one, so the search ends at the JDK's own anyway.
     */
    static void pinDatatypeFactory() {
        if (System.getProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY) == null) {
            System.setProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY,
                    DatatypeFactory.DATATYPEFACTORY_IMPLEMENTATION_CLASS);
        }
    }

    public static void main(String[] args) {
        SpringApplication.run(OrchestratorApplication.class, args);
    }
}
