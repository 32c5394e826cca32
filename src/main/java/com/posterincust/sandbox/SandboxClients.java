package com.posterincust.sandbox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The fake Poster's clients, in the Web API's shape ({@code client_id}, {@code firstname}, ...): created by the
 * service through {@code clients.createClient} or at the sandbox register, found by either. Deleted clients keep
 * their row with {@code delete} = 1, as Poster's do.
 */
@Component
@ConditionalOnProperty(name = "sandbox.enabled", havingValue = "true")
public class SandboxClients {

    private final List<Map<String, Object>> clients = new CopyOnWriteArrayList<>();
    private final AtomicInteger nextId = new AtomicInteger(101);

    /** Poster's phone rule: one client per phone in an account. */
    synchronized Optional<Map<String, Object>> create(String name, String phone, String email, String groupId) {
        if (!phone.isEmpty() && byPhone(phone).isPresent()) {
            return Optional.empty();
        }
        Map<String, Object> client = new LinkedHashMap<>();
        client.put("client_id", String.valueOf(nextId.getAndIncrement()));
        client.put("firstname", name);
        client.put("lastname", "");
        client.put("phone", phone);
        client.put("email", email == null ? "" : email);
        client.put("bonus", "0");
        client.put("client_groups_id", groupId == null ? "" : groupId);
        client.put("delete", "0");
        clients.add(client);
        return Optional.of(client);
    }

    /** Phones compared by their digits, as Poster finds them whatever the spaces and signs. */
    Optional<Map<String, Object>> byPhone(String phone) {
        String digits = digits(phone);
        return clients.stream().filter(client -> !digits.isEmpty() && digits(client.get("phone")).equals(digits))
                .findFirst();
    }

    List<Map<String, Object>> all() {
        return List.copyOf(clients);
    }

    Optional<Map<String, Object>> byId(String id) {
        return clients.stream().filter(client -> client.get("client_id").equals(id)).findFirst();
    }

    /** The register's search: a phone's digits, a name or an email, among clients not deleted. */
    List<Map<String, Object>> search(String text) {
        String wanted = text == null ? "" : text.trim().toLowerCase();
        String digits = digits(wanted);
        return clients.stream().filter(client -> "0".equals(client.get("delete")))
                .filter(client -> !wanted.isEmpty() && ((!digits.isEmpty() && digits(client.get("phone")).contains(digits))
                        || String.valueOf(client.get("firstname")).toLowerCase().contains(wanted)
                        || String.valueOf(client.get("email")).toLowerCase().equals(wanted)))
                .toList();
    }

    private static String digits(Object text) {
        return String.valueOf(text).replaceAll("\\D", "");
    }
}
