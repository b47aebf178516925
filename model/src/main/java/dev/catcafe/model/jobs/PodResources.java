package dev.catcafe.model.jobs;

import static java.util.Objects.requireNonNull;

import java.util.regex.Pattern;

/**
 * What a container asks Kubernetes for and may use at most, as Kubernetes writes quantities: CPU in
 * cores or millicores ({@code 1}, {@code 250m}), memory in binary units ({@code 512Mi}, {@code
 * 1Gi}). The JVM programs size their heap from the memory limit ({@code -XX:MaxRAMPercentage}).
 */
public record PodResources(
    String cpuRequest, String memoryRequest, String cpuLimit, String memoryLimit) {
  private static final Pattern CPU = Pattern.compile("[1-9]\\d*m?");
  private static final Pattern MEMORY = Pattern.compile("[1-9]\\d*[MG]i");

  public PodResources {
    requireQuantity(cpuRequest, CPU, "cpuRequest", "250m or 1");
    requireQuantity(memoryRequest, MEMORY, "memoryRequest", "512Mi or 1Gi");
    requireQuantity(cpuLimit, CPU, "cpuLimit", "250m or 1");
    requireQuantity(memoryLimit, MEMORY, "memoryLimit", "512Mi or 1Gi");
  }

  private static void requireQuantity(String value, Pattern shape, String name, String examples) {
    requireNonNull(value, name + " is null");
    if (!shape.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "%s must look like %s: %s".formatted(name, examples, value));
    }
  }
}
