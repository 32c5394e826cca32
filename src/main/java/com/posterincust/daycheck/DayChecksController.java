package com.posterincust.daycheck;

import com.posterincust.common.ProblemException;
import com.posterincust.common.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Day checks for operators (register-api.md §7, "Day checks"): run a day again, see what each check found. */
@RestController
@RequestMapping("/api/admin/v1/day-checks")
@SecurityRequirement(name = "basic")
public class DayChecksController {

    static final int MOST_SHOWN = 50;

    public record CheckRequest(String account, String date) {
    }

    private final DayCheckCommands commands;
    private final DayCheckViews views;

    public DayChecksController(DayCheckCommands commands, DayCheckViews views) {
        this.commands = commands;
        this.views = views;
    }

    @Operation(summary = "Check a café's day now: the check running answers, a finished day is checked again")
    @PostMapping
    public ResponseEntity<DayCheckViews.Checked> check(@RequestBody(required = false) CheckRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        if (request == null || request.account() == null || request.account().isBlank()) {
            errors.add(ProblemException.fieldError("account", "is required: the Poster account"));
        }
        LocalDate day = dateOf(request == null ? null : request.date(), errors, "date");
        if (!errors.isEmpty()) {
            throw ProblemException.invalidRequest(errors);
        }
        DayCheck check = commands.check(request.account(), day).orElseThrow(() -> new ProblemException(
                HttpStatus.NOT_FOUND, Problems.NOT_FOUND, "No installed account " + request.account()));
        return ResponseEntity.accepted().body(views.checked(check));
    }

    @Operation(summary = "An account's day checks, newest first, with their differences")
    @GetMapping
    public List<DayCheckViews.View> list(@RequestParam String account, @RequestParam Optional<String> date) {
        List<Map<String, String>> errors = new ArrayList<>();
        Optional<LocalDate> day = date.map(text -> dateOf(text, errors, "date"));
        if (!errors.isEmpty()) {
            throw ProblemException.invalidRequest(errors);
        }
        return views.of(account, day, MOST_SHOWN);
    }

    static LocalDate dateOf(String text, List<Map<String, String>> errors, String field) {
        try {
            return LocalDate.parse(text == null ? "" : text);
        } catch (DateTimeParseException notADate) {
            errors.add(ProblemException.fieldError(field, "is required as yyyy-MM-dd"));
            return null;
        }
    }
}
