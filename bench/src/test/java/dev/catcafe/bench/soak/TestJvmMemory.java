package dev.catcafe.bench.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

final class TestJvmMemory {
  @Test
  void readsTheResidentSetFromProcStatus() {
    String status = "Name:\tjava\nVmPeak:\t 9000 kB\nVmRSS:\t  123456 kB\nRssAnon:\t 100 kB\n";
    assertThat(JvmMemory.parseResident(status)).hasValue(123456L * 1024);
    assertThat(JvmMemory.parseResident("Name:\tkthreadd\n")).isEmpty();
  }

  @Test
  void readsTheUsedHeapFromGcHeapInfo() {
    String heapInfo =
        """
        12345:
         garbage-first heap   total 262144K, used 81234K [0x00000000c0000000, 0x0000000100000000)
          region size 1024K, 12 young (12288K), 2 survivors (2048K)
         Metaspace       used 60000K, committed 61000K, reserved 1114112K
        """;
    assertThat(JvmMemory.parseHeapUsed(heapInfo)).hasValue(81234L * 1024);
    assertThat(JvmMemory.parseHeapUsed("12345:\nAttach failed")).isEmpty();
  }

  @Test
  void measuresThisVeryJvm() {
    JvmMemory memory = JvmMemory.of(ProcessHandle.current().pid()).orElseThrow();
    assertThat(memory.residentBytes()).isPositive();
    assertThat(memory.heapUsedBytes()).isNotEqualTo(OptionalLong.empty());
    assertThat(memory.heapUsedBytes().getAsLong()).isPositive();
  }
}
