package com.posterincust.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.annotation.AnnotationBeanNameGenerator;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * The names Java and the models share agree, so a renamed element breaks the build, not a checkout at run time. Each
 * feature's {@code …Process} class names its model ({@code KEY}), the elements Java drives ({@code TASK_…}), the
 * messages it correlates ({@code MESSAGE_…}) and the errors it throws ({@code ERROR_…}): each must be in that model.
 * And every name a model's expressions read must be something Java provides: a variable of a {@code …Process} class
 * ({@code VAR_…}, {@code TRANSIENT_…}), a bean, or a variable the model writes itself.
 */
class ModelNamesTest {

    private static final Path MODELS = Path.of("processes");
    private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{([^}]*)}");
    private static final Pattern NAME = Pattern.compile("(?<![.\\w])([A-Za-z_]\\w*)");
    private static final Pattern QUOTED = Pattern.compile("'[^']*'|\"[^\"]*\"");
    private static final Set<String> EL_WORDS = Set.of("true", "false", "null", "empty", "not", "and", "or", "eq", "ne",
            "lt", "gt", "le", "ge", "div", "mod", "instanceof", "execution", "task");

    private static final Map<String, Document> MODELS_BY_KEY = new TreeMap<>();
    private static final Map<String, Class<?>> NAMES_BY_KEY = new TreeMap<>();

    @BeforeAll
    static void theModelsAndTheirJavaNames() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        try (Stream<Path> files = Files.list(MODELS)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".bpmn")).toList()) {
                Document model = factory.newDocumentBuilder().parse(file.toFile());
                for (Element process : elements(model, "process")) {
                    MODELS_BY_KEY.put(process.getAttribute("id"), model);
                }
            }
        }
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter((reader, factoryOfReaders) -> reader.getClassMetadata().getClassName()
                .endsWith("Process") && !reader.getClassMetadata().getClassName().contains("$"));
        for (BeanDefinition found : scanner.findCandidateComponents("com.posterincust")) {
            Class<?> names = Class.forName(found.getBeanClassName());
            NAMES_BY_KEY.put((String) names.getField("KEY").get(null), names);
        }
    }

    @Test
    void everyModelDrivenFromJavaIsInProcesses() {
        assertThat(NAMES_BY_KEY).isNotEmpty();
        assertThat(MODELS_BY_KEY.keySet()).as("processes/ has the model of each …Process class")
                .containsAll(NAMES_BY_KEY.keySet());
    }

    @Test
    void everyElementMessageAndErrorJavaNamesIsInItsModel() throws Exception {
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, Class<?>> entry : NAMES_BY_KEY.entrySet()) {
            Document model = MODELS_BY_KEY.get(entry.getKey());
            Set<String> ids = attributes(model, null, "id");
            Set<String> messages = attributes(model, "message", "name");
            Set<String> errors = attributes(model, "error", "errorCode");
            for (Field field : entry.getValue().getFields()) {
                if (!Modifier.isStatic(field.getModifiers()) || field.getType() != String.class) {
                    continue;
                }
                String value = (String) field.get(null);
                String where = entry.getValue().getSimpleName() + "." + field.getName() + " = \"" + value + "\"";
                if (field.getName().startsWith("TASK_") && !ids.contains(value)) {
                    missing.add(where + ": no element with this id in " + entry.getKey());
                } else if (field.getName().startsWith("MESSAGE_") && !messages.contains(value)) {
                    missing.add(where + ": no message with this name in " + entry.getKey());
                } else if (field.getName().startsWith("ERROR_") && !errors.contains(value)) {
                    missing.add(where + ": no error with this code in " + entry.getKey());
                }
            }
        }
        assertThat(missing).as("names Java uses that the models do not have").isEmpty();
    }

    @Test
    void everyNameAModelReadsIsProvided() throws Exception {
        Set<String> provided = new HashSet<>(EL_WORDS);
        for (Class<?> names : NAMES_BY_KEY.values()) {
            for (Field field : names.getFields()) {
                if (field.getName().startsWith("VAR_") || field.getName().startsWith("TRANSIENT_")) {
                    provided.add((String) field.get(null));
                }
            }
        }
        ClassPathScanningCandidateComponentProvider beans = new ClassPathScanningCandidateComponentProvider(true);
        AnnotationBeanNameGenerator beanNames = new AnnotationBeanNameGenerator();
        DefaultListableBeanFactory registry = new DefaultListableBeanFactory();
        for (BeanDefinition bean : beans.findCandidateComponents("com.posterincust")) {
            provided.add(beanNames.generateBeanName(bean, registry));
        }
        List<String> unknown = new ArrayList<>();
        for (Map.Entry<String, Document> entry : MODELS_BY_KEY.entrySet()) {
            Set<String> written = new HashSet<>(attributes(entry.getValue(), null, "camunda:resultVariable"));
            written.addAll(attributes(entry.getValue(), "outputParameter", "name"));
            for (String expression : expressions(entry.getValue().getDocumentElement())) {
                Matcher name = NAME.matcher(QUOTED.matcher(expression).replaceAll(""));
                while (name.find()) {
                    if (!provided.contains(name.group(1)) && !written.contains(name.group(1))) {
                        unknown.add(entry.getKey() + ": ${" + expression + "} reads " + name.group(1));
                    }
                }
            }
        }
        assertThat(unknown).as("names the models read that Java does not provide").isEmpty();
    }

    /** docs/checkout.md: every background step of the checkout and what follows a sale is retried by the setting. */
    @Test
    void theBackgroundStepsAfterASaleAreRetriedAsTheSettingSays() {
        List<String> hardCoded = new ArrayList<>();
        for (String key : List.of("checkout", "sale-reversal", "sale-return", "day-check")) {
            var cycles = MODELS_BY_KEY.get(key).getElementsByTagNameNS("*", "failedJobRetryTimeCycle");
            for (int i = 0; i < cycles.getLength(); i++) {
                String cycle = cycles.item(i).getTextContent().trim();
                if (!cycle.equals("${checkoutSettings.backgroundRetryCycle}")) {
                    hardCoded.add(key + ": " + ((Element) cycles.item(i).getParentNode().getParentNode())
                            .getAttribute("id") + " retries " + cycle);
                }
            }
        }
        assertThat(hardCoded).isEmpty();
    }

    private static List<String> expressions(Node node) {
        List<String> found = new ArrayList<>();
        NamedNodeMap attributes = node.getAttributes();
        for (int i = 0; attributes != null && i < attributes.getLength(); i++) {
            found.addAll(expressionsIn(attributes.item(i).getNodeValue()));
        }
        if (node.getNodeType() == Node.TEXT_NODE || node.getNodeType() == Node.CDATA_SECTION_NODE) {
            found.addAll(expressionsIn(node.getNodeValue()));
        }
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            found.addAll(expressions(child));
        }
        return found;
    }

    private static List<String> expressionsIn(String text) {
        List<String> found = new ArrayList<>();
        Matcher expression = EXPRESSION.matcher(text == null ? "" : text);
        while (expression.find()) {
            found.add(expression.group(1));
        }
        return found;
    }

    private static List<Element> elements(Document model, String localName) {
        List<Element> found = new ArrayList<>();
        var nodes = model.getElementsByTagNameNS("*", localName);
        for (int i = 0; i < nodes.getLength(); i++) {
            found.add((Element) nodes.item(i));
        }
        return found;
    }

    /** The values of an attribute on the elements of one name, or on every element when {@code localName} is null. */
    private static Set<String> attributes(Document model, String localName, String attribute) {
        Set<String> values = new HashSet<>();
        var nodes = model.getElementsByTagNameNS("*", localName == null ? "*" : localName);
        for (int i = 0; i < nodes.getLength(); i++) {
            String value = ((Element) nodes.item(i)).getAttribute(attribute);
            if (!value.isEmpty()) {
                values.add(value);
            }
        }
        return values;
    }
}
