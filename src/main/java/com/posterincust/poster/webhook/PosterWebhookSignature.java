package com.posterincust.poster.webhook;

import com.posterincust.poster.PosterMd5;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
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
        return PosterMd5.hex(String.join(";", parts));
    }

    public static boolean isValid(PosterWebhook hook, String applicationSecret) {
        if (hook.verify() == null) {
            return false;
        }
        byte[] expected = sign(hook, applicationSecret).getBytes(StandardCharsets.US_ASCII);
        byte[] received = hook.verify().toLowerCase().getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, received);
    }

}
