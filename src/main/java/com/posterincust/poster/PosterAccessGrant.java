package com.posterincust.poster;

/** What Poster's token exchange returns that the service keeps. */
public record PosterAccessGrant(String accessToken, String accountNumber, String ownerCountry, String companyName) {

    @Override
    public String toString() {
        return "PosterAccessGrant[accountNumber=" + accountNumber + ", ownerCountry=" + ownerCountry + "]";
    }
}
