package com.posterincust;

import static org.assertj.core.api.Assertions.assertThat;

import javax.xml.datatype.DatatypeFactory;
import org.junit.jupiter.api.Test;

class DatatypeFactoryPinTest {

    @Test
    void theApplicationNamesTheJdksDatatypeFactorySoTimersAreParsedWithoutASearchOfTheClassPath() throws Exception {
        Class.forName(OrchestratorApplication.class.getName(), true, getClass().getClassLoader());

        assertThat(System.getProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY))
                .isEqualTo(DatatypeFactory.DATATYPEFACTORY_IMPLEMENTATION_CLASS);
        assertThat(DatatypeFactory.newInstance().getClass().getName())
                .isEqualTo(DatatypeFactory.DATATYPEFACTORY_IMPLEMENTATION_CLASS);
    }
}
