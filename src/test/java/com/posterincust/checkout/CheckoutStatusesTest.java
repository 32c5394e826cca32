package com.posterincust.checkout;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** An analyst who forgets a status, or names one that does not exist, finds out at deployment, not at a register. */
@SpringBootTest
@ActiveProfiles("test")
class CheckoutStatusesTest {

    @Autowired
    RepositoryService repository;

    @Test
    void anEndEventWithoutAStatusInAModelThatNamesStatusesFailsToDeploy() {
        String model = model("forgetful", status("AWAITING_CONFIRMATION"), "");

        assertThatThrownBy(() -> repository.createDeployment().addString("forgetful.bpmn", model).deploy())
                .hasMessageContaining("SilentEnd").hasMessageContaining(CheckoutStatuses.PROPERTY);
    }

    @Test
    void aStatusThatDoesNotExistFailsToDeploy() {
        String model = model("typo", "", status("COMPLETE"));

        assertThatThrownBy(() -> repository.createDeployment().addString("typo.bpmn", model).deploy())
                .hasMessageContaining("'COMPLETE'").hasMessageContaining("COMPLETED");
    }

    @Test
    void aStatusWhereNoTokenArrivesFailsToDeployNamingTheElement() {
        String onAFlow = model("onflow", "", status("CANCELLED")).replace(
                "<sequenceFlow id=\"f2\" sourceRef=\"Wait\" targetRef=\"SilentEnd\" />",
                "<sequenceFlow id=\"f2\" sourceRef=\"Wait\" targetRef=\"SilentEnd\">" + status("EXPIRED")
                        + "</sequenceFlow>");
        assertThatThrownBy(() -> repository.createDeployment().addString("onflow.bpmn", onAFlow).deploy())
                .hasMessageContaining("Sequence flow f2").hasMessageContaining(CheckoutStatuses.PROPERTY);

        String onTheProcess = model("onprocess", "", status("CANCELLED")).replace(
                "camunda:historyTimeToLive=\"1\">", "camunda:historyTimeToLive=\"1\">" + status("EXPIRED"));
        assertThatThrownBy(() -> repository.createDeployment().addString("onprocess.bpmn", onTheProcess).deploy())
                .hasMessageContaining("Process onprocess").hasMessageContaining(CheckoutStatuses.PROPERTY);
    }

    /** Start → user task "Wait" → end event "SilentEnd", with the given extensions on the task and on the end. */
    private static String model(String key, String onTask, String onEnd) {
        return "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" "
                + "xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" targetNamespace=\"t\">"
                + "<process id=\"" + key + "\" isExecutable=\"true\" camunda:historyTimeToLive=\"1\">"
                + "<startEvent id=\"Start\" /><sequenceFlow id=\"f1\" sourceRef=\"Start\" targetRef=\"Wait\" />"
                + "<userTask id=\"Wait\">" + onTask + "</userTask>"
                + "<sequenceFlow id=\"f2\" sourceRef=\"Wait\" targetRef=\"SilentEnd\" />"
                + "<endEvent id=\"SilentEnd\">" + onEnd + "</endEvent></process></definitions>";
    }

    private static String status(String value) {
        return "<extensionElements><camunda:properties><camunda:property name=\"" + CheckoutStatuses.PROPERTY
                + "\" value=\"" + value + "\" /></camunda:properties></extensionElements>";
    }
}
