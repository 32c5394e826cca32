package com.posterincust.poster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class PosterMoneyTest {

    @Test
    void kopecksBecomeMajorUnitsWithTwoDecimals() {
        assertThat(PosterMoney.fromKopecks(4550)).isEqualTo(new BigDecimal("45.50"));
        assertThat(PosterMoney.fromKopecks("9100")).isEqualTo(new BigDecimal("91.00"));
        assertThat(PosterMoney.fromKopecks("4550.0")).isEqualTo(new BigDecimal("45.50"));
    }

    @Test
    void majorUnitsBecomeKopecks() {
        assertThat(PosterMoney.toKopecks(new BigDecimal("45.50"))).isEqualTo(4550);
        assertThat(PosterMoney.toKopecks(new BigDecimal("45.5"))).isEqualTo(4550);
        assertThat(PosterMoney.toKopecks(new BigDecimal("91"))).isEqualTo(9100);
    }

    @Test
    void aFractionOfAKopeckIsRefused() {
        assertThatThrownBy(() -> PosterMoney.toKopecks(new BigDecimal("45.505"))).isInstanceOf(ArithmeticException.class);
    }
}
