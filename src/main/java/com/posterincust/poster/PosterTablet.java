package com.posterincust.poster;

/** A register ("tablet") and the spot it belongs to, as {@code access.getTablets} lists it. */
public record PosterTablet(String id, String name, String spotId) {
}
