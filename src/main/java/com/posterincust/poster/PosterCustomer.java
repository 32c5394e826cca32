package com.posterincust.poster;

/** A Poster client (a guest in the register's client list). */
public record PosterCustomer(String id, String phone) {
}
