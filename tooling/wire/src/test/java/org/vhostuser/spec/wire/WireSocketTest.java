package org.vhostuser.spec.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FileDescriptor;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Whole messages with their descriptors over a real socket pair, and peers that misbehave. */
@Timeout(20)
class WireSocketTest {
  @TempDir Path temp;

  @Test
  void aMessageArrivesWholeWithTheDescriptorsOfItsHeader() throws Exception {
    WireSocket[] pair = WireSocket.pair();
    try (WireSocket a = pair[0]; WireSocket b = pair[1];
        RandomAccessFile file = new RandomAccessFile(temp.resolve("f").toFile(), "rw")) {
      a.write(5, 1, new byte[] {1, 2, 3}, file.getFD(), file.getFD());
      a.write(1, 1, new byte[0]);

      WireSocket.Received first = b.read(Channel.MAIN, Flow.FRONT_TO_BACK, System.nanoTime(),
          1000, 1000);
      WireSocket.Received second = b.read(Channel.MAIN, Flow.FRONT_TO_BACK, System.nanoTime(),
          1000, 1000);

      assertThat(first.message().request()).isEqualTo(5);
      assertThat(first.message().payload()).containsExactly(1, 2, 3);
      assertThat(first.fds()).hasSize(2).allMatch(FileDescriptor::valid);
      assertThat(second.message().request()).isEqualTo(1);
      assertThat(second.fds()).isEmpty();
      WireSocket.closeAll(first.fds());
    }
  }

  @Test
  void nothingArrivingIsIdleAndAHangUpBetweenMessagesIsTheEnd() throws Exception {
    WireSocket[] pair = WireSocket.pair();
    try (WireSocket b = pair[1]) {
      assertThat(b.read(Channel.MAIN, Flow.FRONT_TO_BACK, 0, 50, 50)).isNull();
      assertThat(b.idle()).isTrue();
      pair[0].close();
      assertThat(b.read(Channel.MAIN, Flow.FRONT_TO_BACK, 0, 1000, 1000)).isNull();
      assertThat(b.idle()).isFalse();
    }
  }

  @Test
  void aPeerThatHangsUpOrStallsInTheMiddleOfAMessageIsAPeerProblem() throws Exception {
    WireSocket[] pair = WireSocket.pair();
    try (WireSocket b = pair[1]) {
      pair[0].write(1, 1, new byte[0]);
      byte[] header = new byte[12];
      Bytes.put(header, 0, 4, 2);
      Bytes.put(header, 8, 4, 100);
      // A header announcing 100 bytes, then silence: the stall is timed out.
      rawWrite(pair[0], header);
      b.read(Channel.MAIN, Flow.FRONT_TO_BACK, 0, 1000, 1000);
      assertThatThrownBy(() -> b.read(Channel.MAIN, Flow.FRONT_TO_BACK, 0, 1000, 200))
          .isInstanceOf(WireException.class)
          .hasMessage("the peer stopped in the middle of a message payload (0 of 100 bytes)");
      rawWrite(pair[0], new byte[] {1, 2, 3});
      pair[0].close();
    }
    WireSocket[] second = WireSocket.pair();
    try (WireSocket b = second[1]) {
      rawWrite(second[0], new byte[] {1, 0, 0});
      second[0].close();
      assertThatThrownBy(() -> b.read(Channel.MAIN, Flow.FRONT_TO_BACK, 0, 1000, 1000))
          .isInstanceOf(WireException.class)
          .hasMessage("the peer hung up in the middle of a message header (3 of 12 bytes)");
    }
  }

  @Test
  void aHugeSizeIsRefusedBeforeAnythingIsAllocated() throws Exception {
    WireSocket[] pair = WireSocket.pair();
    try (WireSocket a = pair[0]; WireSocket b = pair[1]) {
      byte[] header = new byte[12];
      Bytes.put(header, 0, 4, 9);
      Bytes.put(header, 8, 4, 0xffff_ffffL);
      rawWrite(a, header);
      assertThatThrownBy(() -> b.read(Channel.MAIN, Flow.FRONT_TO_BACK, 0, 1000, 1000))
          .isInstanceOf(WireException.class)
          .hasMessageContaining("announces 4294967295 payload bytes");
    }
  }

  @Test
  void pathsThatAreNotSocketsAreRefusedAsEnvironmentProblems() throws IOException {
    Path file = Files.writeString(temp.resolve("plain"), "x");

    assertThatThrownBy(() -> WireSocket.connect(file, 100))
        .isInstanceOf(WireException.class).hasMessage(file + " is not a socket")
        .extracting(e -> ((WireException) e).kind()).isEqualTo(WireException.Kind.ENVIRONMENT);
    assertThatThrownBy(() -> WireSocket.connect(temp.resolve("none"), 100))
        .hasMessage("no socket at " + temp.resolve("none"));
    assertThatThrownBy(() -> WireSocket.listen(file))
        .hasMessage(file + " exists and is not a socket; refusing to replace it");
    assertThat(Files.readString(file)).isEqualTo("x");
  }

  /** Writes raw bytes, to make broken messages. */
  private static void rawWrite(WireSocket socket, byte[] bytes) throws IOException {
    socket.rawOutput().write(bytes);
    socket.rawOutput().flush();
  }
}
