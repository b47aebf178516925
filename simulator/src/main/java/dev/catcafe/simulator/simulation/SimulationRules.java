package dev.catcafe.simulator.simulation;

/**
 * The tunable probabilities of the simulation. Everything else is the original's fixed behaviour.
 *
 * @param anomalyRate chance per wellness reading of a dehydration anomaly (sleepy seniors) or a
 *     stress anomaly (shy cats); the original's 0.0002 makes alerts rare, tests raise it
 */
public record SimulationRules(double anomalyRate) {
  /** The original's rate as written on the command line ({@code --anomaly-rate}). */
  public static final String ORIGINAL_ANOMALY_RATE_TEXT = "0.0002";

  public static final double ORIGINAL_ANOMALY_RATE = Double.parseDouble(ORIGINAL_ANOMALY_RATE_TEXT);
  public static final SimulationRules ORIGINAL = new SimulationRules(ORIGINAL_ANOMALY_RATE);

  public SimulationRules {
    if (!(anomalyRate >= 0.0 && anomalyRate <= 1.0)) {
      throw new IllegalArgumentException(
          "--anomaly-rate is %s: expected a probability from 0 to 1".formatted(anomalyRate));
    }
  }
}
