package dev.catcafe.bench.soak;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The memory of a running JVM as the machine and the JVM see it: resident set size from {@code
 * /proc/<pid>/status}, used heap from {@code jcmd <pid> GC.heap_info} (the JDK's own tool, run with
 * the JDK of this process, so it speaks the target's attach protocol).
 *
 * @param residentBytes the process's RSS
 * @param heapUsedBytes the Java heap in use, if the JVM answered
 */
public record JvmMemory(long residentBytes, OptionalLong heapUsedBytes) {
  private static final Pattern RESIDENT = Pattern.compile("(?m)^VmRSS:\\s+(\\d+) kB");
  private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");
  private static final long JCMD_TIMEOUT_SECONDS = 20;

  public JvmMemory {
    if (residentBytes < 0) {
      throw new IllegalArgumentException("residentBytes is negative: " + residentBytes);
    }
    requireNonNull(heapUsedBytes, "heapUsedBytes is null");
  }

  /** The memory of process {@code pid}, or empty if it is gone. */
  public static Optional<JvmMemory> of(long pid) {
    Optional<Long> resident = residentBytes(pid);
    return resident.map(bytes -> new JvmMemory(bytes, heapUsed(pid)));
  }

  /** The RSS in a {@code /proc/<pid>/status} text, in bytes. */
  static OptionalLong parseResident(String status) {
    Matcher matcher = RESIDENT.matcher(requireNonNull(status, "status is null"));
    return matcher.find()
        ? OptionalLong.of(Long.parseLong(matcher.group(1)) * 1024)
        : OptionalLong.empty();
  }

  /** The used heap in a {@code GC.heap_info} answer (its first "used NK"), in bytes. */
  static OptionalLong parseHeapUsed(String heapInfo) {
    Matcher matcher = HEAP_USED.matcher(requireNonNull(heapInfo, "heapInfo is null"));
    return matcher.find()
        ? OptionalLong.of(Long.parseLong(matcher.group(1)) * 1024)
        : OptionalLong.empty();
  }

  private static Optional<Long> residentBytes(long pid) {
    try {
      OptionalLong bytes = parseResident(Files.readString(Path.of("/proc", pid + "", "status")));
      return bytes.isPresent() ? Optional.of(bytes.getAsLong()) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty(); // the process ended between two looks
    }
  }

  private static OptionalLong heapUsed(long pid) {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    try {
      Process process =
          new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.heap_info")
              .redirectErrorStream(true)
              .start();
      String answer;
      try (InputStream out = process.getInputStream()) {
        answer = new String(out.readAllBytes(), StandardCharsets.UTF_8);
      }
      if (!process.waitFor(JCMD_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return OptionalLong.empty();
      }
      return process.exitValue() == 0 ? parseHeapUsed(answer) : OptionalLong.empty();
    } catch (IOException e) {
      return OptionalLong.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return OptionalLong.empty();
    }
  }
}
