package dev.catcafe.platform.testing;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The machine's listening TCP sockets as the kernel lists them ({@code /proc/net/tcp} and {@code
 * tcp6}, Linux), each with the process that holds it (found through {@code /proc/<pid>/fd}), so a
 * test can tell which of them belong to the platform and on which address they listen.
 */
public final class ListeningSockets {
  /** {@code st} of a listening socket in {@code /proc/net/tcp*}. */
  private static final String LISTEN = "0A";

  /**
   * One listening socket.
   *
   * @param address the local address, e.g. {@code 127.0.0.1}, {@code ::ffff:127.0.0.1}, {@code ::}
   * @param inode the socket's inode, which {@code /proc/<pid>/fd} links name
   * @param pid the process holding it, if this user may see it
   * @param commandLine that process's command line (arguments joined by spaces), or empty
   */
  public record Socket(
      String address, int port, long inode, Optional<Long> pid, String commandLine) {
    public Socket {
      requireNonNull(address, "address is null");
      requireNonNull(pid, "pid is null");
      requireNonNull(commandLine, "commandLine is null");
    }

    /** Whether only this machine can connect: 127.0.0.0/8, {@code ::1}, or IPv4-mapped loopback. */
    public boolean loopback() {
      return address.startsWith("127.")
          || address.equals("::1")
          || address.startsWith("::ffff:127.");
    }

    @Override
    public String toString() {
      String where = address.contains(":") ? "[" + address + "]" : address;
      return "%s:%d pid %s %s"
          .formatted(
              where,
              port,
              pid.map(String::valueOf).orElse("?"),
              commandLine.length() > 160 ? commandLine.substring(0, 160) + "…" : commandLine);
    }
  }

  private ListeningSockets() {}

  /** Every listening TCP socket of the machine, IPv4 and IPv6, with its process. */
  public static List<Socket> all() {
    Map<Long, Long> owners = socketOwners();
    List<Socket> sockets = new ArrayList<>();
    for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
      Path file = Path.of(table);
      if (!Files.isReadable(file)) {
        continue;
      }
      for (Listening entry : parse(read(file))) {
        Optional<Long> pid = Optional.ofNullable(owners.get(entry.inode()));
        sockets.add(
            new Socket(
                entry.address(),
                entry.port(),
                entry.inode(),
                pid,
                pid.map(ListeningSockets::commandLine).orElse("")));
      }
    }
    return sockets;
  }

  /** One listening entry of a {@code /proc/net/tcp*} table. */
  record Listening(String address, int port, long inode) {}

  /** The listening entries of a {@code /proc/net/tcp} or {@code tcp6} table's text. */
  static List<Listening> parse(String table) {
    List<Listening> entries = new ArrayList<>();
    for (String line : table.split("\n")) {
      String[] fields = line.strip().split("\\s+");
      // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode
      if (fields.length < 10 || !fields[0].endsWith(":") || !fields[3].equals(LISTEN)) {
        continue;
      }
      String[] local = fields[1].split(":");
      entries.add(
          new Listening(
              address(local[0]), Integer.parseInt(local[1], 16), Long.parseLong(fields[9])));
    }
    return entries;
  }

  /**
   * The text form of an address as {@code /proc/net/tcp*} prints it: the bytes of each 32-bit word
   * in the host's order (little-endian on the machines we run on).
   */
  static String address(String hex) {
    byte[] bytes = new byte[hex.length() / 2];
    for (int word = 0; word < bytes.length / 4; word++) {
      for (int i = 0; i < 4; i++) {
        int from = (word * 4 + 3 - i) * 2;
        bytes[word * 4 + i] = (byte) Integer.parseInt(hex.substring(from, from + 2), 16);
      }
    }
    if (bytes.length == 4) {
      return "%d.%d.%d.%d"
          .formatted(bytes[0] & 0xff, bytes[1] & 0xff, bytes[2] & 0xff, bytes[3] & 0xff);
    }
    boolean mapped = true;
    for (int i = 0; i < 10; i++) {
      mapped &= bytes[i] == 0;
    }
    mapped &= (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff;
    if (mapped) {
      return "::ffff:%d.%d.%d.%d"
          .formatted(bytes[12] & 0xff, bytes[13] & 0xff, bytes[14] & 0xff, bytes[15] & 0xff);
    }
    StringBuilder text = new StringBuilder();
    for (int group = 0; group < 8; group++) {
      if (group > 0) {
        text.append(':');
      }
      text.append(
          Integer.toHexString(((bytes[group * 2] & 0xff) << 8) | (bytes[group * 2 + 1] & 0xff)));
    }
    // Enough for our checks: the all-zero and loopback addresses in their usual spelling.
    return switch (text.toString()) {
      case "0:0:0:0:0:0:0:0" -> "::";
      case "0:0:0:0:0:0:0:1" -> "::1";
      default -> text.toString().toLowerCase(Locale.ROOT);
    };
  }

  /** Socket inode to the pid holding it, for every process this user may look into. */
  private static Map<Long, Long> socketOwners() {
    Map<Long, Long> owners = new HashMap<>();
    try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
      for (Path process : processes) {
        long pid = Long.parseLong(process.getFileName().toString());
        try (DirectoryStream<Path> descriptors = Files.newDirectoryStream(process.resolve("fd"))) {
          for (Path descriptor : descriptors) {
            String target = Files.readSymbolicLink(descriptor).toString();
            if (target.startsWith("socket:[")) {
              owners.putIfAbsent(Long.parseLong(target.substring(8, target.length() - 1)), pid);
            }
          }
        } catch (IOException | SecurityException gone) {
          // The process ended meanwhile, or is another user's.
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return owners;
  }

  private static String commandLine(long pid) {
    try {
      byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
      return new String(raw, StandardCharsets.UTF_8).replace('\0', ' ').strip();
    } catch (IOException gone) {
      return "";
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
