package com.posterincust.owner;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Every word of the owner's page in the languages of Poster's back office ({@code owner/texts.json}): ua (Poster's
 * name for Ukrainian, not ISO uk), ru, pl, en. The page gets its language's texts, nothing else.
 */
@Component
public class OwnerTexts {

    static final List<String> LANGUAGES = List.of("en", "ua", "ru", "pl");

    private final JsonNode texts;
    private final ObjectMapper json;

    public OwnerTexts(ObjectMapper json) {
        this.json = json;
        try (InputStream in = new ClassPathResource("owner/texts.json").getInputStream()) {
            this.texts = json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The page's language: Poster's for the account when it names one of ours, else the browser's first that is one,
     * else English.
     */
    static String language(String poster, String acceptLanguage) {
        String fromPoster = ours(poster);
        if (fromPoster != null) {
            return fromPoster;
        }
        if (acceptLanguage != null) {
            for (String range : acceptLanguage.split(",")) {
                String asked = ours(range.split(";")[0].trim());
                if (asked != null) {
                    return asked;
                }
            }
        }
        return "en";
    }

    private static String ours(String tag) {
        if (tag == null || tag.isBlank()) {
            return null;
        }
        String primary = tag.trim().toLowerCase(Locale.ROOT).split("[-_]")[0];
        if (primary.equals("uk")) {
            return "ua";
        }
        return LANGUAGES.contains(primary) ? primary : null;
    }

    /** The language's texts as JSON that may stand inside a {@code <script>} element. */
    String json(String language) {
        try {
            return json.writeValueAsString(texts.path(language)).replace("</", "<\\/");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    JsonNode all() {
        return texts;
    }
}
