package com.posterincust.common;

/**
 * A technical fault of Poster or inCust: 5xx, rate limit, timeout, unreadable answer.
 * Synchronous callers answer 502/503 so the register retries; jobs retry and then raise an incident.
 * The message never contains the request URL, because Poster's URLs carry the access token.
 */
public class ExternalSystemUnavailableException extends RuntimeException {

    private final String system;
    private final boolean timeout;

    public ExternalSystemUnavailableException(String system, String operation, String reason, boolean timeout) {
        super(system + " " + operation + " failed: " + reason);
        this.system = system;
        this.timeout = timeout;
    }

    public String system() {
        return system;
    }

    public boolean isTimeout() {
        return timeout;
    }
}
