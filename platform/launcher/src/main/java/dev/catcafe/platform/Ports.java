package dev.catcafe.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Checks and picks loopback TCP ports. */
public final class Ports {
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

  /** A port nothing listens on right now (the OS picks it). */
  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
