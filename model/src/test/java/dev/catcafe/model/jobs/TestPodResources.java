package dev.catcafe.model.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

final class TestPodResources {
  @Test
  void takesKubernetesQuantities() {
    PodResources resources = new PodResources("250m", "512Mi", "2", "1Gi");

    assertThat(resources.cpuRequest()).isEqualTo("250m");
    assertThat(resources.memoryLimit()).isEqualTo("1Gi");
  }

  @Test
  void refusesWhatKubernetesWouldReadOtherwise() {
    // "512M" is 512 * 1000^2 bytes to Kubernetes and "1g" is no quantity at all; "0" starves.
    assertThatThrownBy(() -> new PodResources("250m", "512M", "1", "1Gi"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("memoryRequest must look like 512Mi or 1Gi: 512M");
    assertThatThrownBy(() -> new PodResources("250m", "512Mi", "1", "1g"))
        .hasMessage("memoryLimit must look like 512Mi or 1Gi: 1g");
    assertThatThrownBy(() -> new PodResources("0", "512Mi", "1", "1Gi"))
        .hasMessage("cpuRequest must look like 250m or 1: 0");
    assertThatThrownBy(() -> new PodResources("250m", "512Mi", null, "1Gi"))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("cpuLimit is null");
  }

  @Test
  void theProgramsThatDeclareTheirPodsResourcesAreTheOnesTheClusterRuns() {
    assertThat(
            Arrays.stream(JvmApp.values())
                .filter(app -> app.deployment() == JvmApp.Deployment.CLUSTER))
        .containsExactly(
            JvmApp.ALERT_UI,
            JvmApp.SIMULATOR_SEED,
            JvmApp.SIMULATOR_PRODUCER,
            JvmApp.HISTORY_SERVER);
    assertThat(JvmApp.ALERT_UI.podResources())
        .contains(new PodResources("250m", "512Mi", "1", "768Mi"));
    assertThat(JvmApp.TRINO_VIEWS.podResources()).isEmpty();
    assertThat(JvmApp.TRINO_VIEWS.deployment()).isEqualTo(JvmApp.Deployment.LOCAL);
  }
}
