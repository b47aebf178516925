package dev.catcafe.model.jobs;

import static java.util.Objects.requireNonNull;

import dev.catcafe.model.config.KafkaPrincipal;
import dev.catcafe.model.config.PostgresRole;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Every program of the lakehouse by name: the Spark jobs ({@link SparkJob}) and the plain JVM
 * programs ({@link JvmApp}). The Makefile, {@code bin/run-job}, {@code bin/app}, the local batch
 * scheduler and the manifests generator all read it, so adding a job is one entry here.
 *
 * <p>As a command it answers {@code bin/run-job}'s question "what do I start for this name":
 *
 * <pre>
 * java -cp '.work/dist/model/lib/*' dev.catcafe.model.jobs.JobCatalog raw-ingestion
 * streaming dev.catcafe.streaming.ingest.RawIngestionJob spark Always 10 30 3600 45 - cafe_iceberg
 * java -cp '.work/dist/model/lib/*' dev.catcafe.model.jobs.JobCatalog --list
 * java -cp 'model/target/dist/lib/*' dev.catcafe.model.jobs.JobCatalog --modules
 * </pre>
 */
public final class JobCatalog {
  private JobCatalog() {}

  /** Every entry: the Spark jobs, then the JVM programs, each in declaration order. */
  public static List<CatalogEntry> entries() {
    return Stream.concat(Arrays.stream(SparkJob.values()), Arrays.stream(JvmApp.values()))
        .map(CatalogEntry.class::cast)
        .toList();
  }

  public static Optional<CatalogEntry> find(String jobName) {
    requireNonNull(jobName, "jobName is null");
    return entries().stream().filter(entry -> entry.jobName().equals(jobName)).findFirst();
  }

  /** Every entry's name. */
  public static List<String> names() {
    return entries().stream().map(CatalogEntry::jobName).toList();
  }

  /**
   * The batch jobs in the order one cycle runs them (their declaration order): profiles first so
   * the summary sees today's names, then the summary, then maintenance over what both wrote.
   */
  public static List<SparkJob> batchSequence() {
    return Arrays.stream(SparkJob.values()).filter(job -> job.kind() == JobKind.BATCH).toList();
  }

  /**
   * {@code <name>}: prints {@code <distribution> <main class> spark|jvm <restart policy> <max
   * attempts> <backoff s> <counter reset s> <stop grace s> <postgres role|-> <catalog role|->
   * <kafka principal|-> <JVM options, space-separated|->} on one line; {@code --list}: every name,
   * one a line; {@code --modules}: every runnable module as {@code <distribution> <directory>}, one
   * a line. Exit status 2 for an unknown name.
   */
  public static void main(String[] args) {
    if (args.length != 1) {
      System.err.println("usage: JobCatalog <job-name> | --list | --modules");
      System.exit(2);
    }
    if (args[0].equals("--list")) {
      names().forEach(System.out::println);
      return;
    }
    if (args[0].equals("--modules")) {
      for (RunnableModule module : RunnableModule.values()) {
        System.out.println(module.distributionName() + " " + module.directory());
      }
      return;
    }
    Optional<CatalogEntry> entry = find(args[0]);
    if (entry.isEmpty()) {
      System.err.println(
          "unknown job '%s'; the catalog has: %s".formatted(args[0], String.join(", ", names())));
      System.exit(2);
    }
    System.out.println(describe(entry.get()));
  }

  /**
   * The line {@link #main} prints for an entry: what to start, then what the local supervisor
   * ({@code bin/app}) needs to restart and stop it as the cluster would, then the PostgreSQL roles
   * whose credentials {@code bin/run-job} gives it, then its Kafka principal ({@code -}: none), and
   * last its own JVM options ({@code -}: none), which may be several words.
   */
  public static String describe(CatalogEntry entry) {
    Restart restart = entry.restart();
    return "%s %s %s %s %d %d %d %d %s %s %s %s"
        .formatted(
            entry.module().distributionName(),
            entry.mainClass(),
            entry.runsSpark() ? "spark" : "jvm",
            restart.policy().name(),
            restart.maxAttempts(),
            restart.backoff().toSeconds(),
            restart.counterReset().toSeconds(),
            entry.stopGrace().toSeconds(),
            entry.postgresRole().map(PostgresRole::roleName).orElse("-"),
            entry.catalogRole().map(PostgresRole::roleName).orElse("-"),
            entry.kafkaPrincipal().map(KafkaPrincipal::userName).orElse("-"),
            entry.jvmOptions().isEmpty() ? "-" : String.join(" ", entry.jvmOptions()));
  }
}
