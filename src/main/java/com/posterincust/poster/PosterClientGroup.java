package com.posterincust.poster;

/** A Poster client group, as {@code clients.getGroups} lists it. */
public record PosterClientGroup(String id, String name) {
}
