package com.posterincust.poster.webhook;

/**
 * A webhook as Poster sends it (docs/external-apis.md). Every field is kept exactly as received, as text, because the
 * signature covers the received text. {@code data} is a JSON string, or null. Poster's {@code account_number} is
 * left out on purpose: the signature does not cover it, so nothing may depend on it.
 */
public record PosterWebhook(String account, String object, String objectId, String action, String time, String data,
                            String verify) {

    public static final String OBJECT_APPLICATION = "application";
    public static final String ACTION_ADDED = "added";
    /** Unsettled in Poster's docs (docs/external-apis.md): the removing action is assumed to be {@code removed}. */
    public static final String ACTION_REMOVED = "removed";

    public boolean is(String expectedObject, String expectedAction) {
        return expectedObject.equals(object) && expectedAction.equals(action);
    }

    @Override
    public String toString() {
        return "PosterWebhook[" + shown(account) + " " + shown(object) + "/" + shown(objectId) + " " + shown(action)
                + " at " + shown(time) + "]";
    }

    /** Anything signed may be logged, but a hostile hook's 200 KB field is not worth a log line. */
    private static String shown(String field) {
        return field.length() <= 64 ? field : field.substring(0, 64) + "…";
    }
}
