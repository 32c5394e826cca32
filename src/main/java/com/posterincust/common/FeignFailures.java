package com.posterincust.common;

import feign.FeignException;
import feign.RetryableException;
import feign.codec.DecodeException;
import java.net.SocketTimeoutException;
import java.util.function.Supplier;

/**
 * What Feign throws when a call did not get a usable answer, said as {@link ExternalSystemUnavailableException}: the
 * caller then knows to retry, whichever system it was. The systems' own refusals come from their error decoders.
 */
public final class FeignFailures {

    private FeignFailures() {
    }

    public static <T> T asUnavailable(String system, String operation, Supplier<T> call) {
        try {
            return call.get();
        } catch (RetryableException e) {
            boolean timeout = e.getCause() instanceof SocketTimeoutException;
            throw new ExternalSystemUnavailableException(system, operation,
                    timeout ? "timed out" : "not reachable (" + causeName(e) + ")", timeout);
        } catch (DecodeException e) {
            throw new ExternalSystemUnavailableException(system, operation, "answer is not readable", false);
        } catch (FeignException e) {
            throw new ExternalSystemUnavailableException(system, operation, "HTTP " + e.status(), false);
        }
    }

    private static String causeName(Throwable e) {
        return e.getCause() != null ? e.getCause().getClass().getSimpleName() : e.getClass().getSimpleName();
    }
}
