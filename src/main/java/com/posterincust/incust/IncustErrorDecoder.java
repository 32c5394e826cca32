package com.posterincust.incust;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.posterincust.common.ExternalSystemUnavailableException;
import feign.Response;
import feign.Util;
import feign.codec.ErrorDecoder;
import java.io.IOException;

/** Sorts inCust's failed answers into the two kinds: business ({@link IncustApiException}) and transient. */
final class IncustErrorDecoder implements ErrorDecoder {

    /** A 401 on an authorized call: the cached terminal token expired. Never leaves the package. */
    static final class TokenExpired extends RuntimeException {
        TokenExpired() {
            super("inCust terminal token expired", null, false, false);
        }
    }

    private final ObjectMapper json;

    IncustErrorDecoder(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public Exception decode(String methodKey, Response response) {
        String operation = operation(response);
        int status = response.status();
        if (status >= 500 || status == 429) {
            return new ExternalSystemUnavailableException("inCust", operation, "HTTP " + status, false);
        }
        boolean tokenCall = operation.endsWith(IncustApi.TOKEN_PATH);
        if (status == 401 && !tokenCall) {
            return new TokenExpired();
        }
        IncustWire.Error error = read(response);
        String message = error != null && error.message() != null ? error.message() : "HTTP " + status;
        if (tokenCall && (status == 400 || status == 401 || status == 403)) {
            return new IncustApiException(operation, status, IncustApiException.LOGIN_REFUSED, message);
        }
        String symbol = error != null && error.code() != null ? error.code() : "http_" + status;
        return new IncustApiException(operation, status, symbol, message);
    }

    private IncustWire.Error read(Response response) {
        if (response.body() == null) {
            return null;
        }
        try {
            return json.readValue(Util.toByteArray(response.body().asInputStream()), IncustWire.Error.class);
        } catch (IOException notTheErrorShape) {
            return null;
        }
    }

    static String operation(Response response) {
        return response.request().httpMethod() + " " + pathOf(response.request().url());
    }

    static String pathOf(String url) {
        int query = url.indexOf('?');
        String withoutQuery = query < 0 ? url : url.substring(0, query);
        int term = withoutQuery.indexOf("/term/");
        return term < 0 ? withoutQuery : withoutQuery.substring(term);
    }
}
