package dev.catcafe.sparkapps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catcafe.model.jobs.SparkJob;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Each SparkApplication's arguments are accepted by its job's own command line: the main classes
 * are loaded from the streaming and batch modules (test dependencies) and parse the generated
 * {@code driverArgs} exactly as {@code main} would, converters included.
 */
final class TestJobArguments {
  private static final ClusterProfile PROFILE = ClusterProfile.defaults();

  @Test
  void everyMainClassIsOnTheClassPathWithAPublicStaticMain() throws Exception {
    for (SparkJob job : SparkJob.values()) {
      Method main = Class.forName(job.mainClass()).getMethod("main", String[].class);
      assertThat(Modifier.isStatic(main.getModifiers())).as(job.mainClass()).isTrue();
    }
  }

  @Test
  void everyJobParsesItsDriverArguments() throws Exception {
    for (SparkJob job : SparkJob.values()) {
      List<String> arguments = SparkApplications.driverArgs(job, PROFILE);
      CommandLine command = new CommandLine(newCommand(job));

      CommandLine.ParseResult parsed = command.parseArgs(arguments.toArray(String[]::new));

      assertThat(parsed.unmatched()).as(job.jobName()).isEmpty();
      assertThat(parsed.matchedOptions()).as(job.jobName()).hasSize(arguments.size());
    }
  }

  @Test
  void aWrongArgumentIsRejectedByTheJobsCommandLine() throws Exception {
    CommandLine command = new CommandLine(newCommand(SparkJob.RAW_INGESTION));

    assertThatThrownBy(() -> command.parseArgs("--trigger-interval=soon"))
        .isInstanceOf(CommandLine.ParameterException.class);
    assertThatThrownBy(
            () ->
                new CommandLine(newCommand(SparkJob.RAW_INGESTION)).parseArgs("--checkpoint-dir=x"))
        .isInstanceOf(CommandLine.UnmatchedArgumentException.class);
  }

  private static Object newCommand(SparkJob job) throws Exception {
    Constructor<?> constructor = Class.forName(job.mainClass()).getDeclaredConstructor();
    constructor.setAccessible(true);
    return constructor.newInstance();
  }
}
