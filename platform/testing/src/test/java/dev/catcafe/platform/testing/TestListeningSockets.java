package dev.catcafe.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catcafe.platform.testing.ListeningSockets.Listening;
import dev.catcafe.platform.testing.ListeningSockets.Socket;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class TestListeningSockets {
  @Test
  void readsTheListeningEntriesOfTheKernelsTables() {
    // Lines as /proc/net/tcp and tcp6 print them on a little-endian machine.
    String tcp =
        """
          sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
           0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 4242 1 0 100 0 0 10 0
           1: 00000000:0FC8 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 4243 1 0 100 0 0 10 0
           2: 0100007F:1F90 0100007F:D431 01 00000000:00000000 00:00000000 00000000     0        0 4244 1 0 20 4 30 10 -1
        """;
    String tcp6 =
        """
          sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
           0: 0000000000000000FFFF00000100007F:2264 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 5151 1 0 100 0 0 10 0
           1: 00000000000000000000000000000000:1F90 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 5152 1 0 100 0 0 10 0
           2: 00000000000000000000000001000000:0050 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 5153 1 0 100 0 0 10 0
           3: 0000000000000000FFFF00000202000C:2264 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 5154 1 0 100 0 0 10 0
        """;

    assertThat(ListeningSockets.parse(tcp))
        .containsExactly(
            new Listening("127.0.0.1", 8080, 4242), new Listening("0.0.0.0", 4040, 4243));
    assertThat(ListeningSockets.parse(tcp6))
        .containsExactly(
            new Listening("::ffff:127.0.0.1", 8804, 5151),
            new Listening("::", 8080, 5152),
            new Listening("::1", 80, 5153),
            new Listening("::ffff:12.0.2.2", 8804, 5154));
  }

  @Test
  void onlyLoopbackAddressesAreLoopback() {
    assertThat(socket("127.0.0.1").loopback()).isTrue();
    assertThat(socket("127.0.1.1").loopback()).isTrue();
    assertThat(socket("::1").loopback()).isTrue();
    assertThat(socket("::ffff:127.0.0.1").loopback()).isTrue();
    assertThat(socket("0.0.0.0").loopback()).isFalse();
    assertThat(socket("::").loopback()).isFalse();
    assertThat(socket("192.0.2.2").loopback()).isFalse();
    assertThat(socket("::ffff:192.0.2.2").loopback()).isFalse();
  }

  @Test
  void findsTheProcessesOfThisMachinesSockets() throws Exception {
    try (java.net.ServerSocket server =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      assertThat(ListeningSockets.all())
          .anySatisfy(
              socket -> {
                assertThat(socket.port()).isEqualTo(server.getLocalPort());
                assertThat(socket.loopback()).isTrue();
                assertThat(socket.pid()).contains(ProcessHandle.current().pid());
                assertThat(socket.commandLine()).contains("java");
              });
    }
  }

  private static Socket socket(String address) {
    return new Socket(address, 1, 1, Optional.empty(), "");
  }
}
