package com.posterincust.poster;

/**
 * Whom Poster's back office opened the app's settings page for: the account (by its customer number, as Poster names
 * it there) and the Poster user. The access token that comes with it is not kept: the installation has its own.
 */
public record PosterManageGrant(String accountNumber, String userId, String userName, String roleId,
                                String companyName) {
}
