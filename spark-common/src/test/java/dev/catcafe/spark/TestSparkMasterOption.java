package dev.catcafe.spark;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

final class TestSparkMasterOption {
  @Command(name = "shared-default")
  static final class SharedDefault {
    @Mixin SparkMasterOption sparkMaster;
  }

  @Command(name = "own-default")
  static final class OwnDefault {
    @Mixin SparkMasterOption sparkMaster = new SparkMasterOption("local[4]");
  }

  @Test
  void theOptionWinsOverTheDefault() {
    SharedDefault job = new SharedDefault();
    new CommandLine(job).parseArgs("--spark-master", "local[1]");
    assertThat(job.sparkMaster.master()).isEqualTo("local[1]");
  }

  @Test
  void theHelpNamesTheEnvironmentVariableAndTheDefault() {
    assertThat(new CommandLine(new SharedDefault()).getUsageMessage())
        .contains("SPARK_MASTER")
        .contains(SessionSettings.DEFAULT_MASTER)
        .doesNotContain("null");
  }

  @Test
  void withoutOptionOrEnvironmentTheJobsDefaultApplies() {
    // SPARK_MASTER would win over both defaults; the build does not set it.
    String environment = System.getenv("SPARK_MASTER");
    SharedDefault shared = new SharedDefault();
    new CommandLine(shared).parseArgs();
    OwnDefault own = new OwnDefault();
    new CommandLine(own).parseArgs();
    if (environment == null) {
      assertThat(shared.sparkMaster.master()).isEqualTo(SessionSettings.DEFAULT_MASTER);
      assertThat(own.sparkMaster.master()).isEqualTo("local[4]");
    } else {
      assertThat(shared.sparkMaster.master()).isEqualTo(environment);
      assertThat(own.sparkMaster.master()).isEqualTo(environment);
    }
  }
}
