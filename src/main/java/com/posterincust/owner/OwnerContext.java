package com.posterincust.owner;

/** Who calls the owner's API: a Poster user of one account, as Poster's back office vouched when the page opened. */
public record OwnerContext(String account, String userId) {

    static final String ATTRIBUTE = OwnerContext.class.getName();
}
