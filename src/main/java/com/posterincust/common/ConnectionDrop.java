package com.posterincust.common;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A request answered without its body (over its limit, too slow, its surface busy) ends its connection right after
 * the answer. Tomcat would otherwise read ("swallow") the rest of the announced body first, waiting for a client that
 * sends nothing as long as its read timeout: a worker thread held for nothing, the very thing the answer spared.
 */
@Configuration
public class ConnectionDrop {

    private static final String AFTER_THE_ANSWER = ConnectionDrop.class.getName();

    /** Marks the request: its connection ends after the answer, the rest of its body unread. */
    public static void afterTheAnswer(HttpServletRequest request) {
        request.setAttribute(AFTER_THE_ANSWER, Boolean.TRUE);
    }

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> connectionDropValve() {
        return factory -> factory.addContextValves(new DropValve());
    }

    /** Tomcat's own way for an aborted upload: the rest of the body is not read, the connection closes. */
    static final class DropValve extends ValveBase {

        DropValve() {
            super(true);
        }

        @Override
        public void invoke(Request request, Response response) throws IOException, ServletException {
            getNext().invoke(request, response);
            if (request.getAttribute(AFTER_THE_ANSWER) != null) {
                request.getCoyoteRequest().action(ActionCode.DISABLE_SWALLOW_INPUT, null);
            }
        }
    }
}
