package dev.catcafe.alertui;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP forwarder in front of a real server, for outage tests: {@link #cut()} resets every open
 * connection and refuses new ones, as a stopped server would; {@link #restore()} listens on the
 * same port again. It lets a test take PostgreSQL away from one client without stopping the shared
 * test platform's server, which other tests use.
 */
final class TcpProxy implements AutoCloseable {
  private final String targetHost;
  private final int targetPort;
  private final int port;
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private volatile ServerSocket listener;

  TcpProxy(String targetHost, int targetPort) {
    this.targetHost = targetHost;
    this.targetPort = targetPort;
    this.listener = listen(0);
    this.port = listener.getLocalPort();
    acceptOn(listener);
  }

  int port() {
    return port;
  }

  /** Refuses new connections and resets the open ones. */
  synchronized void cut() {
    closeQuietly(listener);
    for (Socket socket : open) {
      try {
        socket.setSoLinger(true, 0); // RST, as a dead server's host answers
      } catch (IOException ignored) {
        // closing anyway
      }
      closeQuietly(socket);
    }
    open.clear();
  }

  /** Accepts connections on the same port again. */
  synchronized void restore() {
    listener = listen(port);
    acceptOn(listener);
  }

  private static ServerSocket listen(int port) {
    try {
      ServerSocket socket = new ServerSocket();
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      return socket;
    } catch (IOException failure) {
      throw new UncheckedIOException(failure);
    }
  }

  private void acceptOn(ServerSocket server) {
    Thread accepter =
        new Thread(
            () -> {
              while (!server.isClosed()) {
                Socket client;
                try {
                  client = server.accept();
                } catch (IOException closed) {
                  return;
                }
                try {
                  connect(server, client, new Socket(targetHost, targetPort));
                } catch (IOException upstreamRefused) {
                  closeQuietly(client); // as the server would; go on accepting
                }
              }
            },
            "tcp-proxy-accept");
    accepter.setDaemon(true);
    accepter.start();
  }

  /**
   * Starts forwarding between {@code client} and {@code upstream}, unless {@link #cut()} closed
   * {@code server} since it accepted {@code client}: a connection must not slip through a cut.
   */
  private synchronized void connect(ServerSocket server, Socket client, Socket upstream) {
    if (server.isClosed()) {
      closeQuietly(client);
      closeQuietly(upstream);
      return;
    }
    open.add(client);
    open.add(upstream);
    pump(client, upstream);
    pump(upstream, client);
  }

  private void pump(Socket from, Socket to) {
    Thread pump =
        new Thread(
            () -> {
              byte[] buffer = new byte[16 * 1024];
              try (InputStream in = from.getInputStream();
                  OutputStream out = to.getOutputStream()) {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                  out.write(buffer, 0, read);
                  out.flush();
                }
              } catch (IOException closed) {
                // one side went away
              } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
              }
            },
            "tcp-proxy-pump");
    pump.setDaemon(true);
    pump.start();
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception ignored) {
      // already gone
    }
  }

  @Override
  public void close() {
    cut();
  }
}
