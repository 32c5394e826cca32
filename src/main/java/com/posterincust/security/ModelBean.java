package com.posterincust.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a bean that the models in {@code processes/} may name in an expression ({@code ${checkoutSettings...}}).
 * Delegates are visible to expressions without it; every other bean, repositories and the cipher above all, is not.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ModelBean {
}
