package com.posterincust.common;

import com.posterincust.PostgresTestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The nightly deletions as PostgreSQL runs them. */
class RetentionOnPostgresTest extends RetentionTest {

    @DynamicPropertySource
    static void onPostgres(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.register(registry);
    }
}
