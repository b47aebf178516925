package dev.catcafe.spark;

import picocli.CommandLine.Option;

/**
 * The {@code --spark-master} option every Spark job shares (a picocli mixin). The value comes from
 * the option, else the environment variable {@code SPARK_MASTER} (which the cluster manifests set),
 * else the job's local default: {@link SessionSettings#DEFAULT_MASTER} unless the job needs more
 * task slots than it has cores (real-time mode holds one per Kafka partition).
 */
public final class SparkMasterOption {
  @Option(
      names = "--spark-master",
      defaultValue = "${env:SPARK_MASTER}",
      description =
          "Spark master: local[N], local[*] or scheme://host:port. Env SPARK_MASTER. Default:"
              + " in-process on every core, local[*]; the Wellness Guardian local[4] (real-time"
              + " mode holds a task slot per Kafka partition), the Adopter Detective local[2].")
  private String master;

  /** The option with the shared default, {@link SessionSettings#DEFAULT_MASTER}. */
  public SparkMasterOption() {
    this(SessionSettings.DEFAULT_MASTER);
  }

  /** The option with a job's own local default (used when neither option nor env is given). */
  public SparkMasterOption(String localDefault) {
    this.master = localDefault;
  }

  public String master() {
    return master;
  }
}
