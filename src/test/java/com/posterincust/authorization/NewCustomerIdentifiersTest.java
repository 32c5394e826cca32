package com.posterincust.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** decisions/new-customer-identifiers.dmn, as deployed with the service: the rule analysts own. */
@SpringBootTest
@ActiveProfiles("test")
class NewCustomerIdentifiersTest {

    @Autowired
    DecisionService decisions;

    @Test
    void aPhoneOrAnEmailRegistersANewCustomerAndNothingElseDoes() {
        assertThat(mayRegister("PHONE")).isTrue();
        assertThat(mayRegister("EMAIL")).isTrue();
        assertThat(mayRegister("QR")).isFalse();
        assertThat(mayRegister("TEMPORARY_CODE")).isFalse();
        assertThat(mayRegister("CARD")).isFalse();
    }

    /**
     * Fails when an identifier type is added to the register API before the table says whether it may register a
     * customer: the table, not the code, decides.
     */
    @Test
    void everyIdentifierTypeTheRegisterApiAcceptsHasItsRow() {
        assertThat(Arrays.stream(IdentifierType.values()).filter(type -> evaluate(type.name()).size() != 1))
                .as("identifier types without exactly one row in new-customer-identifiers.dmn").isEmpty();
    }

    @Test
    void anIdentifierTypeWithoutARowGetsNoAnswer() {
        assertThat(evaluate("LOYALTY_APP")).isEmpty();
    }

    private boolean mayRegister(String type) {
        return evaluate(type).getSingleEntry();
    }

    private DmnDecisionResult evaluate(String type) {
        return decisions.evaluateDecisionByKey("new-customer-identifiers")
                .variables(Map.of("identifierType", type)).evaluate();
    }
}
