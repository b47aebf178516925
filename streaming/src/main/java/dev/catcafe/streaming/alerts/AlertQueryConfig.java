package dev.catcafe.streaming.alerts;

/** An alert job's configuration: its {@link AlertStream} beside the job's own rules. */
interface AlertQueryConfig {
  /** Where the query reads and writes, how it runs, and where it checkpoints. */
  AlertStream stream();
}
