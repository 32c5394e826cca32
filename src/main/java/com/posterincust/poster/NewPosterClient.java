package com.posterincust.poster;

import java.time.LocalDate;

/** What {@code clients.createClient} is sent; phone in international format, unique per account. */
public record NewPosterClient(String name, String groupId, String phone, String email, LocalDate birthday) {
}
