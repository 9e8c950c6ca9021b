package org.vhostuser.spec.registry.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.vhostuser.spec.registry.Code;

/** Inputs are read only from regular files inside their folder, within a limit, never blocking. */
class InputFilesTest {
  @TempDir Path temp;

  @Test
  void readsARegularFileAndFollowsALinkThatStaysInside() throws IOException {
    Path folder = Files.createDirectories(temp.resolve("spec"));
    Path file = Files.writeString(folder.resolve("a.adoc"), "text");
    Path link = Files.createSymbolicLink(folder.resolve("b.adoc"), Path.of("a.adoc"));
    assertThat(InputFiles.read(link, folder, 100, "prose files"))
        .isEqualTo("text".getBytes(StandardCharsets.UTF_8));
    assertThat(InputFiles.check(file, folder)).isEqualTo(file.toRealPath());
  }

  @Test
  void refusesALinkOutOfTheFolder() throws IOException {
    Path folder = Files.createDirectories(temp.resolve("spec"));
    Files.writeString(temp.resolve("secret.txt"), "token");
    Path link = Files.createSymbolicLink(folder.resolve("env.adoc"), temp.resolve("secret.txt"));
    assertThatThrownBy(() -> InputFiles.read(link, folder, 100, "prose files"))
        .isInstanceOfSatisfying(InputFiles.Refused.class, e -> {
          assertThat(e.code()).isEqualTo(Code.FILE_OUTSIDE);
          assertThat(e.file()).isEqualTo(link);
          assertThat(e.getMessage()).contains("a symbolic link to " + temp.resolve("secret.txt")
              + ", which lies outside " + folder).doesNotContain("token");
        });
  }

  @Test
  void refusesProcDevAndSysEvenThroughALink() throws IOException {
    Path folder = Files.createDirectories(temp.resolve("spec"));
    Path environ = Files.createSymbolicLink(folder.resolve("env.adoc"),
        Path.of("/proc/self/environ"));
    Path zero = Files.createSymbolicLink(folder.resolve("zero.yaml"), Path.of("/dev/zero"));
    for (Path link : new Path[] {environ, zero}) {
      assertThatThrownBy(() -> InputFiles.read(link, folder, 100, "prose files"))
          .isInstanceOfSatisfying(InputFiles.Refused.class, e -> {
            assertThat(e.code()).isEqualTo(Code.FILE_OUTSIDE);
            assertThat(e.getMessage()).contains("never read from /proc, /dev or /sys");
          });
    }
    assertThatThrownBy(() -> InputFiles.read(Path.of("/proc/self/environ"),
        Path.of("/proc/self"), 100, "x")).isInstanceOf(InputFiles.Refused.class);
  }

  @Test
  @Timeout(20)
  void refusesAFifoWithoutOpeningIt() throws Exception {
    Path fifo = temp.resolve("chapter.adoc");
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assertThat(mkfifo.waitFor()).isZero();
    assertThatThrownBy(() -> InputFiles.read(fifo, temp, 100, "prose files"))
        .isInstanceOfSatisfying(InputFiles.Refused.class,
            e -> assertThat(e.code()).isEqualTo(Code.FILE_NOT_REGULAR));
  }

  @Test
  void reportsMissingFilesDanglingLinksFoldersAndFilesTooLarge() throws IOException {
    Path dangling = Files.createSymbolicLink(temp.resolve("gone.yaml"), Path.of("nowhere.yaml"));
    Path big = Files.write(temp.resolve("big.yaml"), new byte[101]);
    Path folder = Files.createDirectories(temp.resolve("enums.yaml"));
    assertThat(refusal(temp.resolve("none.yaml"))).isEqualTo(Code.FILE_MISSING);
    assertThat(refusal(dangling)).isEqualTo(Code.FILE_MISSING);
    assertThat(refusal(folder)).isEqualTo(Code.FILE_UNREADABLE);
    assertThat(refusal(big)).isEqualTo(Code.FILE_TOO_LARGE);
  }

  @Test
  void findsTheFirstByteThatIsNotUtf8() {
    assertThatThrownBy(() -> InputFiles.utf8(new byte[] {'a', '\n', 'b', (byte) 0xe9, 'c'}))
        .isInstanceOfSatisfying(InputFiles.NotUtf8.class, e -> {
          assertThat(e.line()).isEqualTo(2);
          assertThat(e.column()).isEqualTo(2);
          assertThat(e.value()).isEqualTo(0xe9);
        });
  }

  private Code refusal(Path file) {
    try {
      InputFiles.read(file, temp, 100, "registry files");
      throw new AssertionError(file + " was read");
    } catch (InputFiles.Refused e) {
      return e.code();
    }
  }
}
