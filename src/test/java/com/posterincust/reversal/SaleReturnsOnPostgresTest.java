package com.posterincust.reversal;

import com.posterincust.PostgresTestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The returns' black-box tests on PostgreSQL: its row locks, its typing of parameters. */
class SaleReturnsOnPostgresTest extends SaleReturnsBlackBoxTest {

    @DynamicPropertySource
    static void onPostgres(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.register(registry);
    }
}
