package com.posterincust.authorization;

/** Names shared by processes/customer-authorization.bpmn and its Java side. */
public final class AuthorizationProcess {

    public static final String KEY = "customer-authorization";
    public static final String TASK_FILL_PROFILE = "FillCustomerProfile";

    public static final String VAR_LABEL = "sessionLabel";
    public static final String VAR_IDENTIFIER_TYPE = "identifierType";
    public static final String VAR_MASKED_IDENTIFIER = "maskedIdentifier";
    public static final String VAR_CUSTOMER_FOUND = "customerFound";
    public static final String VAR_CUSTOMER_ID = "customerId";
    public static final String VAR_PROFILE_GIVEN = "profileGiven";
    public static final String VAR_POSTER_CLIENT_ID = "posterClientId";
    /** Transient: the profile the cashier typed, used by "Save the profile in inCust" and never stored by the engine. */
    public static final String TRANSIENT_PROFILE_NAME = "profileName";
    public static final String TRANSIENT_PROFILE_GENDER = "profileGender";
    public static final String TRANSIENT_PROFILE_BIRTH_DATE = "profileBirthDate";
    public static final String TRANSIENT_PROFILE_EMAIL = "profileEmail";

    private AuthorizationProcess() {
    }
}
