package com.posterincust.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What Cockpit and the Modeler draw of each model can be read: no name placed over a task, event or gateway, over
 * another name, or across a sequence flow. Only names with a place of their own in the diagram are checked (the
 * Modeler puts the others itself).
 */
class ModelDiagramsTest {

    record Box(double x, double y, double width, double height) {

        static Box of(Bounds bounds) {
            return new Box(bounds.getX(), bounds.getY(), bounds.getWidth(), bounds.getHeight());
        }

        boolean overlaps(Box other) {
            return x < other.x + other.width && other.x < x + width && y < other.y + other.height
                    && other.y < y + height;
        }

        boolean isCrossedBy(Waypoint from, Waypoint to) {
            for (int step = 0; step <= 100; step++) {
                double px = from.getX() + (to.getX() - from.getX()) * step / 100;
                double py = from.getY() + (to.getY() - from.getY()) * step / 100;
                if (x < px && px < x + width && y < py && py < y + height) {
                    return true;
                }
            }
            return false;
        }
    }

    record Label(String element, Box box) {
    }

    static Stream<Path> models() throws IOException {
        return Files.list(Path.of("processes")).filter(file -> file.toString().endsWith(".bpmn")).sorted();
    }

    @ParameterizedTest
    @MethodSource("models")
    void noNameLiesOverAnElementAnotherNameOrAFlow(Path model) {
        BpmnModelInstance diagram = Bpmn.readModelFromFile(model.toFile());
        List<Label> labels = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        for (BpmnShape shape : diagram.getModelElementsByType(BpmnShape.class)) {
            if (shape.getBpmnLabel() != null && shape.getBpmnLabel().getBounds() != null) {
                labels.add(new Label(shape.getBpmnElement().getId(), Box.of(shape.getBpmnLabel().getBounds())));
            }
        }
        for (BpmnEdge edge : diagram.getModelElementsByType(BpmnEdge.class)) {
            if (edge.getBpmnLabel() != null && edge.getBpmnLabel().getBounds() != null
                    && named(edge.getBpmnElement())) {
                labels.add(new Label(edge.getBpmnElement().getId(), Box.of(edge.getBpmnLabel().getBounds())));
            }
        }
        for (Label label : labels) {
            for (BpmnShape shape : diagram.getModelElementsByType(BpmnShape.class)) {
                BaseElement element = shape.getBpmnElement();
                if (element instanceof FlowNode && !(element instanceof SubProcess)
                        && !element.getId().equals(label.element()) && label.box().overlaps(Box.of(shape.getBounds()))) {
                    unreadable.add("the name of " + label.element() + " lies over " + element.getId());
                }
            }
            for (Label other : labels) {
                if (label.element().compareTo(other.element()) < 0 && label.box().overlaps(other.box())) {
                    unreadable.add("the names of " + label.element() + " and " + other.element() + " overlap");
                }
            }
            for (BpmnEdge edge : diagram.getModelElementsByType(BpmnEdge.class)) {
                List<Waypoint> points = new ArrayList<>(edge.getWaypoints());
                for (int i = 1; i < points.size(); i++) {
                    if (!edge.getBpmnElement().getId().equals(label.element())
                            && label.box().isCrossedBy(points.get(i - 1), points.get(i))) {
                        unreadable.add(edge.getBpmnElement().getId() + " crosses the name of " + label.element());
                        break;
                    }
                }
            }
        }
        assertThat(unreadable).as(model.toString()).isEmpty();
    }

    private static boolean named(BaseElement element) {
        String name = element.getAttributeValue("name");
        return name != null && !name.isBlank();
    }
}
