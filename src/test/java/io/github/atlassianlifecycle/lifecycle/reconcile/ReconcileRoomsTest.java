package io.github.atlassianlifecycle.lifecycle.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The reconciliation's two rooms, read from the sources: {@code source} reads (the directory and the products, page
 * by page) and knows nothing of findings; {@code reconcile} above it classifies what was read. Each stays a room of
 * one job and a readable size.
 */
class ReconcileRoomsTest {

    static final Path RECONCILE = Path.of("src/main/java/io/github/atlassianlifecycle/lifecycle/reconcile");
    static final int ROOM_SIZE = 24;

    @Test
    void the_sources_import_nothing_of_the_classifying_room_above_them() throws IOException {
        List<String> upward = new ArrayList<>();
        for (Path file : files(RECONCILE.resolve("source"))) {
            Files.readAllLines(file).stream()
                    .filter(line -> line.startsWith("import io.github.atlassianlifecycle.lifecycle.reconcile.")
                            && !line.startsWith("import io.github.atlassianlifecycle.lifecycle.reconcile.source."))
                    .forEach(line -> upward.add(file.getFileName() + ": " + line));
            assertThat(Files.readString(file)).as(file.getFileName().toString())
                    .doesNotContain("Finding").doesNotContain("DriftClassifier");
        }
        assertThat(upward).isEmpty();
    }

    @Test
    void each_room_stays_within_its_size() throws IOException {
        assertThat(files(RECONCILE)).hasSizeLessThanOrEqualTo(ROOM_SIZE).isNotEmpty();
        assertThat(files(RECONCILE.resolve("source"))).hasSizeLessThanOrEqualTo(ROOM_SIZE).isNotEmpty();
    }

    private static List<Path> files(Path room) throws IOException {
        try (Stream<Path> listed = Files.list(room)) {
            return listed.filter(path -> path.toString().endsWith(".java")).sorted().toList();
        }
    }
}
