package com.posterincust.binding;

/** Names shared by processes/terminal-binding.bpmn and its Java side. */
public final class TerminalBindingProcess {

    public static final String KEY = "terminal-binding";

    public static final String VAR_ACCOUNT = "posterAccount";
    public static final String VAR_CUSTOMER_NUMBER = "posterCustomerNumber";
    public static final String VAR_SPOT_ID = "posterSpotId";
    public static final String VAR_TABLET_ID = "posterTabletId";
    /** Transient, as the password: the terminal's login is a credential, kept with the binding and shown to nobody. */
    public static final String TRANSIENT_INCUST_LOGIN = "incustLogin";
    public static final String VAR_CUSTOMER_ID_WITHOUT_SESSION = "customerIdWithoutSession";
    /** Transient: the terminal password is used by the synchronous checks and stored encrypted, never as a variable. */
    public static final String TRANSIENT_INCUST_PASSWORD = "incustPassword";
    public static final String VAR_BINDING_ID = "bindingId";
    public static final String VAR_LABEL = "bindingLabel";

    /** Set by "Check the Poster installation": whether Poster can be asked about spots and registers. */
    public static final String VAR_ACCOUNT_INSTALLED = "accountInstalled";
    public static final String VAR_POSTER_CURRENCY = "posterCurrency";
    public static final String VAR_TERMINAL_ID = "terminalId";
    public static final String VAR_TERMINAL_TITLE = "terminalTitle";
    public static final String VAR_TERMINAL_CURRENCY = "terminalCurrency";
    /** JSON list of {field, message}; the gateway reads {@link #VAR_REJECTION_COUNT}. */
    public static final String VAR_REJECTIONS = "rejections";
    public static final String VAR_REJECTION_COUNT = "rejectionCount";
    public static final String VAR_REPLACED_BINDING_ID = "replacedBindingId";

    private TerminalBindingProcess() {
    }
}
