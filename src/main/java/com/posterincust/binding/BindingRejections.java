package com.posterincust.binding;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;

/** The process keeps its rejections as a JSON string (readable in Cockpit) plus a count for the gateway. */
final class BindingRejections {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<BindingRejection>> LIST = new TypeReference<>() {
    };

    private BindingRejections() {
    }

    static void add(VariableScope execution, List<BindingRejection> found) {
        List<BindingRejection> all = new ArrayList<>(read(execution.getVariable(TerminalBindingProcess.VAR_REJECTIONS)));
        all.addAll(found);
        try {
            execution.setVariable(TerminalBindingProcess.VAR_REJECTIONS, JSON.writeValueAsString(all));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        execution.setVariable(TerminalBindingProcess.VAR_REJECTION_COUNT, all.size());
    }

    static List<BindingRejection> read(Object json) {
        if (json == null) {
            return List.of();
        }
        try {
            return JSON.readValue(json.toString(), LIST);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable rejections variable", e);
        }
    }
}
