package com.posterincust.poster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.posterincust.common.ExternalSystemUnavailableException;
import feign.FeignException;
import feign.RequestTemplate;
import feign.Response;
import feign.Util;
import feign.codec.Decoder;
import feign.codec.Encoder;
import feign.codec.ErrorDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

/** Encodes form and JSON bodies, reads every answer as a JSON tree, and classifies HTTP failures. */
final class PosterWireCodec implements Encoder, Decoder, ErrorDecoder {

    private final ObjectMapper json;

    PosterWireCodec(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void encode(Object body, Type bodyType, RequestTemplate template) {
        try {
            byte[] bytes = body instanceof FormBody form
                    ? form.encoded().getBytes(StandardCharsets.UTF_8)
                    : json.writeValueAsBytes(body);
            template.body(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot encode a Poster request body", e);
        }
    }

    @Override
    public Object decode(Response response, Type type) throws IOException, FeignException {
        if (response.body() == null) {
            return json.nullNode();
        }
        try (InputStream in = response.body().asInputStream()) {
            return json.readTree(in);
        }
    }

    @Override
    public Exception decode(String methodKey, Response response) {
        String method = posterMethod(response);
        int status = response.status();
        if (status >= 500 || status == 429) {
            return new ExternalSystemUnavailableException("Poster", method, "HTTP " + status, false);
        }
        JsonNode body = readQuietly(response);
        PosterApiException shaped = PosterEnvelope.errorOf(method, body);
        if (shaped != null) {
            return shaped;
        }
        // a bare HTTP error is the way to Poster failing, not Poster's answer (its error 404 means "no such receipt")
        return new ExternalSystemUnavailableException("Poster", method, "HTTP " + status, false);
    }

    private JsonNode readQuietly(Response response) {
        if (response.body() == null) {
            return json.nullNode();
        }
        try {
            return json.readTree(Util.toByteArray(response.body().asInputStream()));
        } catch (IOException notJson) {
            return json.nullNode();
        }
    }

    /** The method name from the path alone: the query holds the access token and must never reach a log. */
    static String posterMethod(Response response) {
        String url = response.request().url();
        int query = url.indexOf('?');
        String path = query < 0 ? url : url.substring(0, query);
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
