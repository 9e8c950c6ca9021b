package org.vhostuser.spec.rst;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writing imported tables leaves whole files and no temporary ones. */
class TableWriterTest {
  @TempDir Path temp;

  @Test
  void createsANewFolderWhole() throws IOException {
    Path folder = temp.resolve("a/b/out");
    TableWriter.write(folder, Map.of("one.yaml", "x: 1\n", "two.yaml", "y: 2\n"));

    assertThat(Files.readString(folder.resolve("one.yaml"))).isEqualTo("x: 1\n");
    assertThat(Files.readString(folder.resolve("two.yaml"))).isEqualTo("y: 2\n");
    try (Stream<Path> siblings = Files.list(folder.getParent())) {
      assertThat(siblings).containsExactly(folder);
    }
  }

  @Test
  void replacesFilesInAnExistingFolderAndKeepsOthers() throws IOException {
    Path folder = Files.createDirectories(temp.resolve("out"));
    Files.writeString(folder.resolve("one.yaml"), "old\n");
    Files.writeString(folder.resolve("keep.txt"), "mine\n");
    TableWriter.write(folder, Map.of("one.yaml", "new\n"));

    assertThat(Files.readString(folder.resolve("one.yaml"))).isEqualTo("new\n");
    assertThat(Files.readString(folder.resolve("keep.txt"))).isEqualTo("mine\n");
    try (Stream<Path> files = Files.list(folder)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
          "one.yaml", "keep.txt");
    }
    assertThat(TableWriter.isNonEmptyFolder(folder)).isTrue();
    assertThat(TableWriter.isNonEmptyFolder(Files.createDirectories(temp.resolve("empty"))))
        .isFalse();
  }
}
