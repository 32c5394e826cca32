package com.posterincust.reversal;

import com.posterincust.checkout.CheckoutProcess;

/** Names shared by processes/sale-return.bpmn and its Java side. */
public final class SaleReturnProcess {

    public static final String KEY = "sale-return";

    /** The same name as the checkout's label; the business key is the checkout's id, whose status the model sets. */
    public static final String VAR_LABEL = CheckoutProcess.VAR_LABEL;
    /** The return this instance gives back in inCust; its status is written by the model. */
    public static final String VAR_RETURN_ID = "returnId";
    public static final String VAR_SALE_FINALIZED = "saleFinalized";
    public static final String VAR_WHOLE_SALE_RETURNED = "wholeSaleReturned";

    private SaleReturnProcess() {
    }
}
