package dev.catcafe.streaming.ingest;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A real, small file system (a tmpfs of a fixed size mounted on a directory) that a test can fill
 * to the last byte, so a job meets the operating system's own "No space left on device". Mounting
 * needs root, as CI runs.
 */
final class SmallDisk implements AutoCloseable {
  private final Path mountPoint;

  private SmallDisk(Path mountPoint) {
    this.mountPoint = mountPoint;
  }

  /** Mounts a tmpfs of {@code size} (e.g. {@code 4m}) on the existing empty {@code mountPoint}. */
  static SmallDisk mount(Path mountPoint, String size) throws IOException, InterruptedException {
    requireNonNull(mountPoint, "mountPoint is null");
    run(
        "mount",
        "-t",
        "tmpfs",
        "-o",
        "size=" + requireNonNull(size, "size is null"),
        "tmpfs",
        mountPoint.toString());
    return new SmallDisk(mountPoint);
  }

  /** Writes a filler file until the disk is full; returns the filler's path. */
  Path fill() throws IOException {
    Path filler = mountPoint.resolve("filler");
    byte[] block = new byte[4096];
    try (OutputStream out = Files.newOutputStream(filler)) {
      while (true) {
        out.write(block);
      }
    } catch (IOException e) {
      if (!String.valueOf(e.getMessage()).contains("No space left on device")) {
        throw e;
      }
    }
    return filler;
  }

  @Override
  public void close() throws IOException, InterruptedException {
    run("umount", "--lazy", mountPoint.toString());
  }

  private static void run(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IOException(String.join(" ", command) + " failed: " + output.strip());
    }
  }
}
