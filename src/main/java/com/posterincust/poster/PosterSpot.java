package com.posterincust.poster;

/** A Poster location ("spot"), as {@code access.getSpots} lists it. */
public record PosterSpot(String id, String name) {
}
