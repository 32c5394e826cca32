package com.posterincust.register;

/** Who is calling: a verified Poster register and its active binding. Lives for one request. */
public record RegisterContext(String account, String spotId, String tabletId, String bindingId, String terminalId,
                             String terminalTitle, String terminalCurrency, boolean customerIdWithoutSession) {

    static final String ATTRIBUTE = RegisterContext.class.getName();
}
