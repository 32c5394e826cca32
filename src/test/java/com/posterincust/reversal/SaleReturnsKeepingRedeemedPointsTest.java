package com.posterincust.reversal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.posterincust.Jobs;
import com.posterincust.sandbox.FakeIncust;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** {@code returns.give-back-redeemed=false}: a return takes back the points the items earned, and gives none back. */
@TestPropertySource(properties = "returns.give-back-redeemed=false")
class SaleReturnsKeepingRedeemedPointsTest extends SaleReturnsRun {

    @Test
    void aReturnTakesBackWhatTheItemsEarnedAndGivesNothingBack() throws Exception {
        completedSale("order-k1", "7201");
        BigDecimal afterTheSale = INCUST.bonusPoints(FakeIncust.CUSTOMER);

        JsonNode one = accepted(report("7201", "k1", 1));
        Jobs.runAll(management);

        JsonNode done = json.readTree(box.register("GET", RETURNS + "/" + one.path("returnId").asText(), "").body());
        assertThat(done.path("bonusPointsReturned").decimalValue()).isEqualByComparingTo("0");
        BigDecimal removed = done.path("bonusPointsRemoved").decimalValue();
        assertThat(removed).isPositive();
        assertThat(INCUST.bonusPoints(FakeIncust.CUSTOMER)).isEqualByComparingTo(afterTheSale.subtract(removed));
    }
}
