package com.posterincust;

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
 * A database of its own on the PostgreSQL server the suite runs against (127.0.0.1:5432, user postgres, as on
 * this machine and CI; {@code TEST_POSTGRES_URL} / {@code TEST_POSTGRES_USER} / {@code TEST_POSTGRES_PASSWORD}
 * point elsewhere). Database names carry the test JVM's process id, so runs never collide; the databases of runs
 * whose process is gone are dropped by the next run (a running JVM's contexts still hold their connections).
 * An unreachable server fails the tests: they never skip.
 */
public final class PostgresTestDatabase {

    private static final String SERVER = env("TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
    private static final String USER = env("TEST_POSTGRES_USER", "postgres");
    private static final String PASSWORD = env("TEST_POSTGRES_PASSWORD", "");

    private static final String PREFIX = "orchestrator_it_";

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
        return SERVER.substring(0, SERVER.lastIndexOf('/') + 1) + name;
    }

    private static void dropDatabasesOfFinishedRuns() {
        List<String> leftovers = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(SERVER, USER, PASSWORD);
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
        try (Connection connection = DriverManager.getConnection(SERVER, USER, PASSWORD);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw unreachable(e);
        }
    }

    private static IllegalStateException unreachable(SQLException e) {
        return new IllegalStateException("The PostgreSQL tests need the server at " + SERVER + " (user " + USER
                + "); start it with `pg_ctlcluster --skip-systemctl-redirect <version> main start` or set "
                + "TEST_POSTGRES_URL. It said: " + e.getMessage(), e);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
