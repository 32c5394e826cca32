package com.posterincust.poster;

import com.fasterxml.jackson.databind.JsonNode;
import com.posterincust.common.ExternalSystemUnavailableException;

/**
 * Poster answers {@code {"response": ...}} on success and errors in several shapes, mostly with HTTP 200:
 * {@code {"error":{"code":11,"message":".."}}}, {@code {"error":42,"message":".."}},
 * {@code {"code":..,"error_type":..,"error_message":..}} (OAuth), and
 * {@code {"response":{"err_code":N}}} from {@code transactions.*} writes.
 */
final class PosterEnvelope {


    private PosterEnvelope() {
    }

    static JsonNode unwrap(String method, JsonNode body) {
        PosterApiException error = errorOf(method, body);
        if (error != null) {
            throw error;
        }
        if (body == null || !body.has("response")) {
            throw new ExternalSystemUnavailableException("Poster", method, "answer without a response", false);
        }
        JsonNode response = body.get("response");
        if (response.isObject() && response.has("err_code") && response.get("err_code").asInt() != 0) {
            throw new PosterApiException(method, response.get("err_code").asInt(), "err_code");
        }
        return response;
    }

    static PosterApiException errorOf(String method, JsonNode body) {
        if (body == null || !body.isObject()) {
            return null;
        }
        JsonNode error = body.get("error");
        if (error != null && error.isObject()) {
            return new PosterApiException(method, error.path("code").asInt(), error.path("message").asText(""));
        }
        if (error != null && (error.isNumber() || error.asText().matches("\\d+"))) {
            return new PosterApiException(method, error.asInt(), body.path("message").asText(""));
        }
        if (body.has("error_message") || body.has("error_type")) {
            return new PosterApiException(method, body.path("code").asInt(), body.path("error_message").asText(""));
        }
        return null;
    }
}
