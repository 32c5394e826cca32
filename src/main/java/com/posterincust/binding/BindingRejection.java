package com.posterincust.binding;

/** One value the business typed that does not fit; {@code field} is named as in the binding request. */
public record BindingRejection(String field, String message) {
}
