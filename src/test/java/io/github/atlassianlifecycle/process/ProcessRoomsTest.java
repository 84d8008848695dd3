package io.github.atlassianlifecycle.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The shape of the Camunda side, read from the sources' import lines: its rooms stand in one order, each using only
 * the rooms below it and none the auto-configuration above them all; and the request rules, the reconciliation rules,
 * the batches beside them and the API above them know no engine type.
 */
class ProcessRoomsTest {

    static final Path MAIN = Path.of("src/main/java/io/github/atlassianlifecycle");
    /** The rooms of {@code process}, from the bottom up. */
    static final List<String> ROOMS = List.of("variables", "seal", "engine", "decisions", "steps", "preview", "reconcile", "campaign", "tracking");
    static final Pattern PROCESS_IMPORT = Pattern.compile(
            "^import (?:static )?io\\.github\\.atlassianlifecycle\\.process\\.([a-z]\\w*\\.)?[A-Z]\\w*", Pattern.MULTILINE);
    static final Pattern CAMUNDA_IMPORT = Pattern.compile("^import (?:static )?org\\.camunda\\.", Pattern.MULTILINE);

    @Test
    void each_process_room_imports_only_the_rooms_below_it() throws IOException {
        List<String> upward = new ArrayList<>();
        for (int level = 0; level < ROOMS.size(); level++) {
            String room = ROOMS.get(level);
            List<Path> files = sources(MAIN.resolve("process").resolve(room));
            assertThat(files).as("the room process." + room).isNotEmpty();
            for (Path file : files) {
                Matcher imported = PROCESS_IMPORT.matcher(Files.readString(file));
                while (imported.find()) {
                    String target = imported.group(1) == null ? "" : imported.group(1).replace(".", "");
                    if (!target.equals(room) && (target.isEmpty() || ROOMS.indexOf(target) < 0
                            || ROOMS.indexOf(target) > level)) {
                        upward.add(MAIN.relativize(file) + ": " + imported.group());
                    }
                }
            }
        }
        assertThat(upward).isEmpty();
    }

    @Test
    void the_request_rules_the_batches_and_the_api_import_no_camunda_type() throws IOException {
        List<String> camunda = new ArrayList<>();
        for (String room : List.of("request", "reconciliation", "batch", "campaign", "api")) {
            List<Path> files = sources(MAIN.resolve(room));
            assertThat(files).as(room).isNotEmpty();
            for (Path file : files) {
                if (CAMUNDA_IMPORT.matcher(Files.readString(file)).find()) {
                    camunda.add(MAIN.relativize(file).toString());
                }
            }
        }
        assertThat(camunda).isEmpty();
    }

    private static List<Path> sources(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(file -> file.toString().endsWith(".java")).toList();
        }
    }
}
