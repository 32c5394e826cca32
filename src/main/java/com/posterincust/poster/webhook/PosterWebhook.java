package com.posterincust.poster.webhook;

/**
 * A webhook as Poster sends it (poster.md §6). Every field is kept exactly as received, as text,
 * because the signature covers the received text. {@code data} is a JSON string, or null.
 */
public record PosterWebhook(String account, String accountNumber, String object, String objectId, String action,
                            String time, String data, String verify) {

    public static final String OBJECT_APPLICATION = "application";
    public static final String ACTION_ADDED = "added";
    /** Unsettled in Poster's docs (poster.md §1): the removing action is assumed to be {@code removed}. */
    public static final String ACTION_REMOVED = "removed";

    public boolean is(String expectedObject, String expectedAction) {
        return expectedObject.equals(object) && expectedAction.equals(action);
    }

    @Override
    public String toString() {
        return "PosterWebhook[" + account + " " + object + "/" + objectId + " " + action + " at " + time + "]";
    }
}
