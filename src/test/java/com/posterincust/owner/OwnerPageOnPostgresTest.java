package com.posterincust.owner;

import com.posterincust.PostgresTestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The owner's page on PostgreSQL, the production database: its paging, filters and look-ups as PostgreSQL runs them. */
class OwnerPageOnPostgresTest extends OwnerPageBlackBoxTest {

    @DynamicPropertySource
    static void onPostgres(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.register(registry);
    }
}
