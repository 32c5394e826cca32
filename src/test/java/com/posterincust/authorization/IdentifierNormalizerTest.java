package com.posterincust.authorization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.posterincust.common.ProblemException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdentifierNormalizerTest {

    final IdentifierNormalizer normalizer = new IdentifierNormalizer();

    @ParameterizedTest
    @ValueSource(strings = {"050 123 45 67", "0501234567", "+380 (50) 123-45-67", "380501234567", " +380501234567 "})
    void phonesBecomeE164WithTheAccountsRegionAsDefault(String typed) {
        assertThat(normalizer.normalize("PHONE", typed, "UA").value()).isEqualTo("+380501234567");
    }

    @Test
    void theDefaultRegionDecidesLocalNumbers() {
        assertThat(normalizer.normalize("PHONE", "601 234 567", "PL").value()).isEqualTo("+48601234567");
    }

    @ParameterizedTest
    @ValueSource(strings = {"12", "abc", "+380 50 123", "050 123 45 67 89 00 11"})
    void aNumberThatIsNoPhoneIsRefused(String typed) {
        assertInvalid("PHONE", typed, "identifier.value");
    }

    @Test
    void emailsAreTrimmedAndLowerCased() {
        assertThat(normalizer.normalize("EMAIL", "  Olena@Example.COM ", "UA").value()).isEqualTo("olena@example.com");
        assertInvalid("EMAIL", "olena.example.com", "identifier.value");
    }

    @Test
    void codesAndCardsHaveTheirShapes() {
        assertThat(normalizer.normalize("TEMPORARY_CODE", " 123456 ", "UA").value()).isEqualTo("123456");
        assertThat(normalizer.normalize("CARD", "CARD-1001", "UA").value()).isEqualTo("CARD-1001");
        assertThat(normalizer.normalize("QR", "QR-OLENA-1001", "UA").value()).isEqualTo("QR-OLENA-1001");
        assertInvalid("TEMPORARY_CODE", "12", "identifier.value");
        assertInvalid("CARD", "!!", "identifier.value");
        assertInvalid("QR", "line\nbreak", "identifier.value");
    }

    @Test
    void emptyOverlongAndUnknownAreRefused() {
        assertInvalid("PHONE", "", "identifier.value");
        assertInvalid("PHONE", null, "identifier.value");
        assertInvalid("QR", "x".repeat(513), "identifier.value");
        assertInvalid("PASSPORT", "AB123456", "identifier.type");
        assertInvalid(null, "AB123456", "identifier.type");
    }

    @Test
    void theMaskShowsOnlyTheEnd() {
        assertThat(new CustomerIdentifier(IdentifierType.PHONE, "+380501234567").masked()).isEqualTo("***********67");
        assertThat(new CustomerIdentifier(IdentifierType.EMAIL, "olena@example.com").masked()).isEqualTo("o***@example.com");
        assertThat(new CustomerIdentifier(IdentifierType.CARD, "CARD-1001").masked()).isEqualTo("******001");
        assertThat(new CustomerIdentifier(IdentifierType.PHONE, "+380501234567").toString()).doesNotContain("501234");
    }

    @SuppressWarnings("unchecked")
    private void assertInvalid(String type, String value, String field) {
        assertThatThrownBy(() -> normalizer.normalize(type, value, "UA"))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().getStatus()).isEqualTo(400);
                    assertThat((List<Map<String, String>>) e.problem().getProperties().get("errors"))
                            .extracting(error -> error.get("field")).containsExactly(field);
                });
    }
}
