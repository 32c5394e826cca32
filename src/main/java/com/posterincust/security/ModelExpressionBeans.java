package com.posterincust.security;

import java.util.AbstractMap;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Expressions in models see only the beans the models are meant to use: delegates, listeners and the beans marked
 * {@link ModelBean}. Camunda's Spring integration otherwise exposes every bean, so a model deployed by anyone
 * could read a Poster token through {@code ${installationRepository...}}.
 */
@Component
public class ModelExpressionBeans extends AbstractProcessEnginePlugin {

    private final ApplicationContext context;

    public ModelExpressionBeans(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setExpressionManager(new SpringExpressionManager(context, new Visible(context)));
    }

    /** The names expressions may resolve, for tests and the start-up log. */
    public Set<String> names() {
        return new Visible(context).names();
    }

    /**
     * Resolves beans lazily: delegates depend on services that depend on the engine, so they cannot be
     * fetched while the engine is being built.
     */
    private static final class Visible extends AbstractMap<Object, Object> {

        private final ApplicationContext context;
        private volatile Set<String> names;

        Visible(ApplicationContext context) {
            this.context = context;
        }

        Set<String> names() {
            Set<String> known = names;
            if (known == null) {
                known = Stream.of(JavaDelegate.class, ExecutionListener.class, TaskListener.class)
                        .flatMap(type -> Arrays.stream(context.getBeanNamesForType(type)))
                        .collect(Collectors.toCollection(TreeSet::new));
                known.addAll(Arrays.asList(context.getBeanNamesForAnnotation(ModelBean.class)));
                known = Set.copyOf(known);
                names = known;
            }
            return known;
        }

        @Override
        public boolean containsKey(Object name) {
            return name instanceof String bean && names().contains(bean);
        }

        @Override
        public Object get(Object name) {
            return containsKey(name) ? context.getBean((String) name) : null;
        }

        @Override
        public Set<Map.Entry<Object, Object>> entrySet() {
            throw new UnsupportedOperationException("Model beans are looked up by name only");
        }
    }
}
