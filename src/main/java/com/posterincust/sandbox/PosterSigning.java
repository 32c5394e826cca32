package com.posterincust.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * How Poster signs, written again for the fakes from Poster's documentation (docs/external-apis.md, Poster): the sandbox must not borrow the service's own
 * signature code, or a mistake in it would pass unnoticed.
 */
final class PosterSigning {

    private PosterSigning() {
    }

    /** {@code verify} of a webhook: the fields joined with {@code ;}, {@code data} only when present. */
    static String webhook(String account, String object, String objectId, String action, String data, String time,
                          String secret) {
        String joined = account + ";" + object + ";" + objectId + ";" + action + ";" + (data == null ? "" : data + ";")
                + time + ";" + secret;
        return md5(joined);
    }

    /** {@code X-Poster-Signature} of a register request: URL, body, time and secret, plainly concatenated. */
    static String request(String fullUrl, String body, String time, String secret) {
        return md5(fullUrl + body + time + secret);
    }

    static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
