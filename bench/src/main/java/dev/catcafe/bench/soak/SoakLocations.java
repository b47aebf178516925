package dev.catcafe.bench.soak;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Where the soak finds what the local platform's applications leave behind (a picocli mixin): the
 * checkpoints the streaming jobs write by default, and the pid files of {@code bin/app}.
 */
public final class SoakLocations {
  @Option(
      names = "--checkpoints",
      defaultValue = "${env:CATCAFE_PROJECT_ROOT:-.}/.work/checkpoints",
      description = "Where the streaming jobs keep their checkpoints (their default).")
  private Path checkpoints;

  @Option(
      names = "--platform-home",
      defaultValue = "${env:CATCAFE_HOME:-${env:CATCAFE_PROJECT_ROOT:-.}/.work/platform}",
      description = "The local platform's home; bin/app's pid files are in its run/apps.")
  private Path platformHome;

  public Path checkpoints() {
    return checkpoints.toAbsolutePath().normalize();
  }

  public AppProcesses appProcesses() {
    return new AppProcesses(platformHome.resolve("run").resolve("apps"));
  }
}
