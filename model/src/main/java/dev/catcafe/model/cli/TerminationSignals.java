package dev.catcafe.model.cli;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGTERM (what {@code make down}, the local supervisor and every Kubernetes rollout send) and
 * SIGINT as a request to stop, handed to the program's own stop instead of the JVM's default
 * reaction. The default runs the shutdown hooks and ends the JVM with status 143 while the
 * program's threads are still working; with this the program finishes its stop on its own threads,
 * its {@code main} returns, and the JVM exits 0: a clean stop reads as one in the supervisor's
 * state and the pod's status. {@link #close} puts the previous handlers back.
 */
public final class TerminationSignals implements AutoCloseable {
  private static final List<String> NAMES = List.of("TERM", "INT");

  private final Map<Signal, SignalHandler> previous = new LinkedHashMap<>();

  private TerminationSignals(Consumer<String> stop) {
    for (String name : NAMES) {
      Signal signal = new Signal(name);
      previous.put(signal, Signal.handle(signal, received -> stop.accept("SIG" + name)));
    }
  }

  /**
   * Calls {@code stop} with the signal's name ({@code SIGTERM}, {@code SIGINT}) on the JVM's signal
   * thread when one arrives, until closed.
   */
  public static TerminationSignals onTermination(Consumer<String> stop) {
    return new TerminationSignals(requireNonNull(stop, "stop is null"));
  }

  @Override
  public void close() {
    previous.forEach(Signal::handle);
  }
}
