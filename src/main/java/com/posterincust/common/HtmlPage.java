package com.posterincust.common;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.HtmlUtils;

/** A plain page for a person in a browser (a business owner installing the app, or opening its settings). */
public final class HtmlPage {

    private HtmlPage() {
    }

    /** {@code paragraphs} are text, escaped here. */
    public static ResponseEntity<String> of(HttpStatus status, String title, String... paragraphs) {
        StringBuilder html = new StringBuilder("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>")
                .append(HtmlUtils.htmlEscape(title, "UTF-8"))
                .append("</title></head><body style=\"font-family:sans-serif;max-width:40em;margin:4em auto;"
                        + "padding:0 1em\"><h1>").append(HtmlUtils.htmlEscape(title, "UTF-8")).append("</h1>");
        for (String paragraph : paragraphs) {
            html.append("<p>").append(HtmlUtils.htmlEscape(paragraph, "UTF-8")).append("</p>");
        }
        return ResponseEntity.status(status).contentType(MediaType.TEXT_HTML).body(html.append("</body></html>")
                .toString());
    }
}
