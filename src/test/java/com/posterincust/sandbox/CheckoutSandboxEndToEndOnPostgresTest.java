package com.posterincust.sandbox;

import com.posterincust.PostgresTestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same end-to-end checkouts on PostgreSQL, the production database: Flyway, the engine schema, the locks. */
class CheckoutSandboxEndToEndOnPostgresTest extends CheckoutSandboxEndToEndTest {

    @DynamicPropertySource
    static void onPostgres(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.register(registry);
    }
}
