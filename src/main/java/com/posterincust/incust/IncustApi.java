package com.posterincust.incust;

import com.posterincust.incust.IncustWire.Check;
import com.posterincust.incust.IncustWire.CheckResult;
import com.posterincust.incust.IncustWire.ConfirmationCode;
import com.posterincust.incust.IncustWire.Customer;
import com.posterincust.incust.IncustWire.CustomerSearch;
import com.posterincust.incust.IncustWire.CustomerSearchResult;
import com.posterincust.incust.IncustWire.Finalization;
import com.posterincust.incust.IncustWire.Login;
import com.posterincust.incust.IncustWire.NewCustomer;
import com.posterincust.incust.IncustWire.Preparation;
import com.posterincust.incust.IncustWire.Profile;
import com.posterincust.incust.IncustWire.Reservation;
import com.posterincust.incust.IncustWire.TerminalSettings;
import com.posterincust.incust.IncustWire.TerminalToken;
import com.posterincust.incust.IncustWire.SaleReturn;
import com.posterincust.incust.IncustWire.Transaction;
import com.posterincust.incust.IncustWire.TransactionList;
import com.posterincust.incust.IncustWire.TransactionPage;
import feign.Headers;
import feign.Param;
import feign.RequestLine;

/** inCust's Terminal API on the wire: the assumed contract of docs/external-apis.md. */
@Headers({"Content-Type: application/json", "Accept: application/json"})
interface IncustApi {

    String TOKEN_PATH = "/term/token";

    @RequestLine("POST " + TOKEN_PATH)
    TerminalToken token(Login login);

    @RequestLine("GET /term/settings")
    @Headers("Authorization: Bearer {token}")
    TerminalSettings settings(@Param("token") String token);

    @RequestLine("POST /term/customer/search")
    @Headers("Authorization: Bearer {token}")
    CustomerSearchResult searchCustomer(@Param("token") String token, CustomerSearch search);

    @RequestLine("POST /term/customer")
    @Headers("Authorization: Bearer {token}")
    Customer registerCustomer(@Param("token") String token, NewCustomer customer);

    @RequestLine("GET /term/customer/{id}")
    @Headers("Authorization: Bearer {token}")
    Customer customer(@Param("token") String token, @Param("id") String customerId);

    @RequestLine("PUT /term/customer/{id}/profile")
    @Headers("Authorization: Bearer {token}")
    Customer updateProfile(@Param("token") String token, @Param("id") String customerId, Profile profile);

    @RequestLine("POST /term/check/prepare")
    @Headers("Authorization: Bearer {token}")
    CheckResult prepareCheck(@Param("token") String token, Check check);

    @RequestLine("POST /term/check/prepare")
    @Headers("Authorization: Bearer {token}")
    CheckResult prepareRedemption(@Param("token") String token, Preparation preparation);

    @RequestLine("POST /term/check/reserve")
    @Headers("Authorization: Bearer {token}")
    Transaction reserve(@Param("token") String token, Reservation reservation);

    @RequestLine("POST /term/transaction/{id}/confirmation/resend")
    @Headers("Authorization: Bearer {token}")
    Transaction resendConfirmation(@Param("token") String token, @Param("id") String transactionId);

    @RequestLine("POST /term/transaction/{id}/confirm")
    @Headers("Authorization: Bearer {token}")
    Transaction confirm(@Param("token") String token, @Param("id") String transactionId, ConfirmationCode code);

    @RequestLine("POST /term/transaction/{id}/finalize")
    @Headers("Authorization: Bearer {token}")
    Transaction finalizeTransaction(@Param("token") String token, @Param("id") String transactionId,
                                    Finalization finalization);

    @RequestLine("POST /term/transaction/{id}/cancel")
    @Headers("Authorization: Bearer {token}")
    Transaction cancel(@Param("token") String token, @Param("id") String transactionId);

    @RequestLine("POST /term/transaction/{id}/return")
    @Headers("Authorization: Bearer {token}")
    Transaction returnPart(@Param("token") String token, @Param("id") String transactionId, SaleReturn saleReturn);

    @RequestLine("GET /term/transaction/{id}")
    @Headers("Authorization: Bearer {token}")
    Transaction transaction(@Param("token") String token, @Param("id") String transactionId);

    @RequestLine("GET /term/transactions?date_from={from}&date_to={to}&cursor={cursor}")
    @Headers("Authorization: Bearer {token}")
    TransactionPage transactionsBetween(@Param("token") String token, @Param("from") String from,
                                        @Param("to") String to, @Param("cursor") String cursor);

    @RequestLine("GET /term/transactions?external_id={externalId}")
    @Headers("Authorization: Bearer {token}")
    TransactionList transactionsByExternalId(@Param("token") String token, @Param("externalId") String externalId);
}
