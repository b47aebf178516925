package dev.catcafe.batch.summary;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.catcafe.batch.schedule.BatchProcesses;
import dev.catcafe.batch.schedule.BatchProcesses.Outcome;
import dev.catcafe.platform.testing.TestingPlatform;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The project's own Jupyter tooling, as a user runs it: {@code bin/notebook} (the venv, the hub)
 * and the venv's nbclient executing a notebook on the lake's PySpark kernel. Jupyter's home is the
 * project's {@code .work/jupyter}, so a venv whose stamp matches is reused across runs.
 */
final class TestingJupyter {
  static final Path ROOT = TestingPlatform.projectRoot();
  static final Path JUPYTER_HOME = ROOT.resolve(".work/jupyter");
  static final Path VENV = JUPYTER_HOME.resolve("venv");
  static final Path NOTEBOOK = ROOT.resolve("notebooks/cat_cafe_lakehouse.ipynb");

  /** Executes every cell of a notebook on the "python3" kernel; writes the executed copy. */
  private static final String EXECUTE =
      """
      import sys, nbclient, nbformat
      notebook = nbformat.read(sys.argv[1], as_version=4)
      client = nbclient.NotebookClient(
          notebook, timeout=600, kernel_name="python3", allow_errors=True,
          resources={"metadata": {"path": sys.argv[3]}})
      try:
          client.execute()
      finally:
          nbformat.write(notebook, sys.argv[2])
      """;

  private TestingJupyter() {}

  /** {@code bin/notebook <command>} with {@code environment} added to this JVM's. */
  static Outcome notebookCommand(
      Map<String, String> environment, Duration timeout, String command) {
    return run(environment, timeout, List.of(ROOT.resolve("bin/notebook").toString(), command));
  }

  /** Executes the notebook on the venv's kernel; returns the executed notebook's JSON. */
  static JsonNode execute(Map<String, String> environment, Path output, Duration timeout) {
    Outcome outcome =
        run(
            environment,
            timeout,
            List.of(
                VENV.resolve("bin/python").toString(),
                "-c",
                EXECUTE,
                NOTEBOOK.toString(),
                output.toString(),
                NOTEBOOK.getParent().toString()));
    if (outcome.exitStatus() != 0) {
      throw new AssertionError("nbclient failed: " + outcome);
    }
    try {
      return new ObjectMapper().readTree(output.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The rows a cell published under {@code metadata.catcafe} with this name. */
  static Optional<JsonNode> publishedRows(JsonNode notebook, String name) {
    for (JsonNode cell : notebook.path("cells")) {
      for (JsonNode output : cell.path("outputs")) {
        JsonNode published = output.path("metadata").path("catcafe");
        if (published.path("name").asText().equals(name)) {
          return Optional.of(published.path("rows"));
        }
      }
    }
    return Optional.empty();
  }

  private static Outcome run(
      Map<String, String> environment, Duration timeout, List<String> command) {
    return BatchProcesses.runCommand(command, environment, timeout);
  }
}
