package com.posterincust.installation;

/** Names shared by processes/poster-installation.bpmn and its Java side. */
public final class InstallationProcess {

    public static final String KEY = "poster-installation";

    /** How the access grant arrived: {@link #GRANT_CODE} from the OAuth callback, {@link #GRANT_TOKEN} from the webhook. */
    public static final String VAR_GRANT_TYPE = "grantType";
    public static final String GRANT_CODE = "code";
    public static final String GRANT_TOKEN = "token";

    public static final String VAR_ACCOUNT = "account";
    public static final String VAR_ACCOUNT_NUMBER = "accountNumber";
    public static final String VAR_CURRENCY = "currency";
    public static final String VAR_TIME_ZONE = "timeZone";
    public static final String VAR_LOYALTY_GROUP_ID = "loyaltyGroupId";
    /** Set by the model's error boundaries: why the installation stopped. */
    public static final String VAR_REFUSAL_REASON = "refusalReason";

    /** Transient (never stored): the one-time OAuth code and the webhook's access token. */
    public static final String TRANSIENT_AUTHORIZATION_CODE = "authorizationCode";
    public static final String TRANSIENT_ACCESS_TOKEN = "accessToken";

    public static final String ERROR_CODE_REFUSED = "poster-refused-code";
    public static final String ERROR_ACCESS_DENIED = "poster-access-denied";

    /** The Poster client group that holds the loyalty program's guests. */
    public static final String LOYALTY_GROUP_NAME = "inCust loyalty";

    private InstallationProcess() {
    }
}
