package dev.catcafe.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ThreadLocalRandom;

/** Checks and picks loopback TCP ports. */
public final class Ports {
  /** Where {@link #freePort} picks from: above the platform's and the applications' defaults. */
  private static final int FIRST_PICKED_PORT = 20000;

  /** The first port of Linux's default ephemeral range, which {@link #freePort} stays below. */
  private static final int EPHEMERAL_RANGE_START = 32768;

  private Ports() {}

  /** Whether something accepts connections on {@code 127.0.0.1:port}. */
  public static boolean isListening(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * A port nothing listens on right now, picked at random below Linux's ephemeral range (which
   * starts at 32768 by default). A port the OS hands out for "any port" would be free only until
   * the next process asks for one: a Spark driver in a concurrent suite listens on such ports, and
   * took a test platform's Kafka controller port between the pick and Kafka's start.
   */
  public static int freePort() {
    for (int attempt = 0; attempt < 200; attempt++) {
      int port = ThreadLocalRandom.current().nextInt(FIRST_PICKED_PORT, EPHEMERAL_RANGE_START);
      try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
        return socket.getLocalPort();
      } catch (IOException taken) {
        // Another process has it: pick again.
      }
    }
    throw new UncheckedIOException(
        new IOException(
            "no free loopback port between %d and %d"
                .formatted(FIRST_PICKED_PORT, EPHEMERAL_RANGE_START)));
  }

  /** Fails with a message naming the variable to change when another process holds the port. */
  public static void requireFree(int port, String service, String variable) {
    if (isListening(port)) {
      throw new PlatformException(
          "Port %d for %s is in use by another process: stop it, or set %s to a free port."
              .formatted(port, service, variable));
    }
  }
}
