package com.posterincust.poster;

/** The part of {@code settings.getAllSettings} the service uses. */
public record PosterAccountSettings(String accountName, String companyName, String currency, String timeZone,
                                    String language) {
}
