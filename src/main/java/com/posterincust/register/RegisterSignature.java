package com.posterincust.register;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * {@code X-Poster-Signature = md5(fullUrlWithQuery + body + X-Poster-Time + application_secret)}, plain
 * concatenation (docs/external-apis.md). The body is taken as the raw bytes received, since the exact JSON bytes
 * Poster hashes are not documented.
 */
public final class RegisterSignature {

    private RegisterSignature() {
    }

    public static String sign(String fullUrl, byte[] body, String time, String secret) {
        ByteArrayOutputStream signed = new ByteArrayOutputStream();
        signed.writeBytes(fullUrl.getBytes(StandardCharsets.UTF_8));
        signed.writeBytes(body);
        signed.writeBytes(time.getBytes(StandardCharsets.UTF_8));
        signed.writeBytes(secret.getBytes(StandardCharsets.UTF_8));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(signed.toByteArray()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean matches(String expected, String received) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                received.toLowerCase().getBytes(StandardCharsets.US_ASCII));
    }
}
