package com.posterincust.poster.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** {@code verify = md5(account;object;object_id;action;[data;]time;secret)}: docs/external-apis.md. */
public final class PosterWebhookSignature {

    private PosterWebhookSignature() {
    }

    public static String sign(PosterWebhook hook, String applicationSecret) {
        List<String> parts = new ArrayList<>(List.of(hook.account(), hook.object(), hook.objectId(), hook.action()));
        if (hook.data() != null) {
            parts.add(hook.data());
        }
        parts.add(hook.time());
        parts.add(applicationSecret);
        return md5Hex(String.join(";", parts));
    }

    public static boolean isValid(PosterWebhook hook, String applicationSecret) {
        if (hook.verify() == null) {
            return false;
        }
        byte[] expected = sign(hook, applicationSecret).getBytes(StandardCharsets.US_ASCII);
        byte[] received = hook.verify().toLowerCase().getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, received);
    }

    static String md5Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
