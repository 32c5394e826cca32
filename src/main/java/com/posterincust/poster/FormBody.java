package com.posterincust.poster;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** An application/x-www-form-urlencoded body; Poster's token exchange does not accept JSON. */
record FormBody(Map<String, String> fields) {

    FormBody {
        fields = new LinkedHashMap<>(fields);
    }

    String encoded() {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    @Override
    public String toString() {
        return "FormBody" + fields.keySet();
    }
}
