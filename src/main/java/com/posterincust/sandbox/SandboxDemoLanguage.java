package com.posterincust.sandbox;

import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The language the sandbox register page was last shown in. A café names its coupons, accounts and terminals in its
 * own language, so the fake inCust names the demo ones in this language: a person trying the sandbox in Ukrainian
 * meets Ukrainian names, as a café in Kyiv would have them. What the service stored before (a terminal's title,
 * taken at binding) keeps the name it had then.
 */
@Component
@ConditionalOnProperty(name = "sandbox.enabled", havingValue = "true")
public class SandboxDemoLanguage {

    /** The page's languages, as Poster names them ({@code ua}, not ISO {@code uk}). */
    static final List<String> LANGUAGES = List.of("en", "ua", "ru", "pl");

    private static final Map<String, Map<String, String>> NAMES = Map.of(
            "Gift card", Map.of("ua", "Подарункова картка", "ru", "Подарочная карта", "pl", "Karta podarunkowa"),
            "Coffee cups", Map.of("ua", "Чашки кави", "ru", "Чашки кофе", "pl", "Filiżanki kawy"),
            "10% off", Map.of("ua", "Знижка 10%", "ru", "Скидка 10%", "pl", "10% zniżki"),
            "10 % off the whole check", Map.of("ua", "10 % знижки на весь чек", "ru", "10 % скидки на весь чек",
                    "pl", "10 % zniżki na cały rachunek"),
            "Demo terminal (code required)", Map.of("ua", "Демо-термінал (з кодом)", "ru", "Демо-терминал (с кодом)",
                    "pl", "Terminal demo (z kodem)"),
            "Demo terminal (no code)", Map.of("ua", "Демо-термінал (без коду)", "ru", "Демо-терминал (без кода)",
                    "pl", "Terminal demo (bez kodu)"));

    private volatile String language = "en";

    /** @return false for a language the page does not have, which changes nothing */
    boolean use(String pageLanguage) {
        if (!LANGUAGES.contains(pageLanguage)) {
            return false;
        }
        language = pageLanguage;
        return true;
    }

    String language() {
        return language;
    }

    /** A demo name in the page's language; one without a translation, or in English, as it is. */
    String name(String english) {
        return NAMES.getOrDefault(english, Map.of()).getOrDefault(language, english);
    }
}
