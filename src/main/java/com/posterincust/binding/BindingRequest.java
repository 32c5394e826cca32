package com.posterincust.binding;

import com.posterincust.common.Ids;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What a business types to bind a register: docs/http-api.md. */
public record BindingRequest(
        @NotBlank(message = "is required")
        @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,62}", message = "must be a Poster account name (the part before .joinposter.com)")
        String posterAccount,
        @NotBlank(message = "is required")
        @Pattern(regexp = Ids.POSTER_NUMBER_REGEX, message = "must be the digits of the Poster customer number")
        String posterCustomerNumber,
        @NotBlank(message = "is required")
        @Pattern(regexp = Ids.POSTER_NUMBER_REGEX, message = "must be the number of a Poster location")
        String posterSpotId,
        @NotBlank(message = "is required")
        @Pattern(regexp = Ids.POSTER_NUMBER_REGEX, message = "must be the number of a Poster register")
        String posterTabletId,
        @NotNull(message = "is required")
        @Valid
        IncustLogin incust,
        /**
         * Whether this register may start a checkout with a bare inCust {@code customerId} instead of a customer
         * session it opened itself; off unless set (docs/terminal-binding.md).
         */
        Boolean customerIdWithoutSession) {

    public boolean allowsCustomerIdWithoutSession() {
        return Boolean.TRUE.equals(customerIdWithoutSession);
    }

    public record IncustLogin(
            @NotBlank(message = "is required") @Size(max = 255, message = "must be at most 255 characters") String login,
            @NotBlank(message = "is required") @Size(max = 255, message = "must be at most 255 characters") String password) {

        @Override
        public String toString() {
            return "IncustLogin[login=" + login + "]";
        }
    }
}
