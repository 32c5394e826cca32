package com.posterincust.daycheck;

import com.posterincust.PostgresTestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The day checks' black-box tests on PostgreSQL: its typing of parameters, its date and time columns. */
class DayCheckOnPostgresTest extends DayCheckBlackBoxTest {

    @DynamicPropertySource
    static void onPostgres(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.register(registry);
    }
}
