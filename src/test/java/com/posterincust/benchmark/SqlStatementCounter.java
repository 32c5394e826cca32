package com.posterincust.benchmark;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Counts every SQL statement the service executes (engine and own tables alike), for the benchmark's report. */
@Configuration
class SqlStatementCounter {

    static final AtomicLong EXECUTED = new AtomicLong();
    static final java.util.Map<String, AtomicLong> BY_SQL = new java.util.concurrent.ConcurrentHashMap<>();

    @Bean
    static BeanPostProcessor countingDataSource() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof DataSource dataSource ? proxy(DataSource.class, dataSource) : bean;
            }
        };
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, T target) {
        InvocationHandler handler = (self, method, args) -> {
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (method.getName().startsWith("execute")) {
                EXECUTED.incrementAndGet();
            }
            if (Boolean.getBoolean("benchmark.sqlByText") && method.getName().startsWith("prepare") && args != null
                    && args.length > 0 && args[0] instanceof String sql) {
                BY_SQL.computeIfAbsent(sql.replaceAll("\\s+", " ").substring(0, Math.min(90, sql.replaceAll("\\s+", " ").length())),
                        key -> new AtomicLong()).incrementAndGet();
            }
            if (result instanceof Connection connection && type != Connection.class) {
                return proxy(Connection.class, connection);
            }
            if (result instanceof Statement statement && method.getReturnType().isInterface()) {
                return proxyStatement(statement, method.getReturnType());
            }
            return result;
        };
        return (T) Proxy.newProxyInstance(SqlStatementCounter.class.getClassLoader(), new Class<?>[] {type}, handler);
    }

    @SuppressWarnings("unchecked")
    private static Object proxyStatement(Statement statement, Class<?> type) {
        return proxy((Class<Object>) type, statement);
    }
}
