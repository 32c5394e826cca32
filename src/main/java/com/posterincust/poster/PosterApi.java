package com.posterincust.poster;

import com.fasterxml.jackson.databind.JsonNode;
import feign.Headers;
import feign.Param;
import feign.QueryMap;
import feign.RequestLine;
import java.net.URI;
import java.util.Map;

/**
 * Poster's Web API on the wire. The first argument is the account's API root (the host depends
 * on the account); answers stay JSON trees because Poster wraps them in envelopes of several shapes,
 * which {@link PosterClient} unwraps.
 */
interface PosterApi {

    @RequestLine("GET /{method}?token={token}")
    JsonNode get(URI apiRoot, @Param("method") String method, @Param("token") String token,
                 @QueryMap Map<String, Object> query);

    @RequestLine("POST /{method}?token={token}")
    @Headers("Content-Type: application/json")
    JsonNode post(URI apiRoot, @Param("method") String method, @Param("token") String token, Object body);

    /** The back office's code exchange: {@code manageUrl} is the whole address (poster.manage.exchange-url). */
    @RequestLine("POST")
    @Headers("Content-Type: application/x-www-form-urlencoded")
    JsonNode manage(URI manageUrl, FormBody form);

    @RequestLine("POST /v2/auth/access_token")
    @Headers("Content-Type: application/x-www-form-urlencoded")
    JsonNode accessToken(URI apiRoot, FormBody form);
}
