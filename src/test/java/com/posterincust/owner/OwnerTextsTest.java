package com.posterincust.owner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every word of the owner's page in each of Poster's languages, and the language a page gets. */
class OwnerTextsTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\w+}");
    private final OwnerTexts texts = new OwnerTexts(new ObjectMapper());

    @Test
    void everyLanguageHasEveryTextWithTheSamePlaceholders() {
        JsonNode english = texts.all().path("en");
        assertThat(texts.all().size()).isEqualTo(OwnerTexts.LANGUAGES.size());
        for (String language : OwnerTexts.LANGUAGES) {
            JsonNode ofIt = texts.all().path(language);
            assertThat(names(ofIt)).as(language).containsExactlyInAnyOrderElementsOf(names(english));
            english.fieldNames().forEachRemaining(key -> {
                assertThat(ofIt.path(key).asText()).as(language + "." + key).isNotBlank();
                assertThat(placeholders(ofIt.path(key).asText())).as(language + "." + key)
                        .containsExactlyInAnyOrderElementsOf(placeholders(english.path(key).asText()));
            });
        }
    }

    @Test
    void posterSaysTheLanguageElseTheBrowserElseEnglish() {
        assertThat(OwnerTexts.language("ua", "en-GB")).isEqualTo("ua");
        assertThat(OwnerTexts.language("uk", null)).as("ISO's name for Ukrainian").isEqualTo("ua");
        assertThat(OwnerTexts.language(null, "de-DE,pl;q=0.8,en;q=0.5")).isEqualTo("pl");
        assertThat(OwnerTexts.language("kk", "ru-RU")).as("a language the page does not have").isEqualTo("ru");
        assertThat(OwnerTexts.language(null, "fr")).isEqualTo("en");
        assertThat(OwnerTexts.language(null, null)).isEqualTo("en");
    }

    @Test
    void theTextsMayStandInsideAScriptElement() {
        assertThat(texts.json("en")).doesNotContain("</").contains("\"title\"");
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> placeholders(String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group());
        }
        return found;
    }
}
