package com.posterincust.incust;

/** A terminal's login, as the business typed it when binding a register. */
public record IncustCredentials(String login, String password) {

    @Override
    public String toString() {
        return "IncustCredentials[login=" + login + "]";
    }
}
