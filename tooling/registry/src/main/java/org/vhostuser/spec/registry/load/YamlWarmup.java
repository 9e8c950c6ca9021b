package org.vhostuser.spec.registry.load;

import java.nio.file.Path;
import org.vhostuser.spec.registry.Diagnostics;

/**
 * Loads and initialises the YAML parser on a background thread while the command line is being
 * parsed. A short command spends most of its time in class loading; doing the parser's share on
 * the second core cuts the wall-clock time of {@code vhost-spec validate} noticeably.
 */
public final class YamlWarmup {
  private static final String SAMPLE =
      "messages:\n  - {name: A, id: 0x1, flag: true, list: [x, 'y'], none: ~}\n  - name: B\n";

  private YamlWarmup() {}

  /** Starts the warm-up; it is a daemon thread and never delays exit. */
  public static void startInBackground() {
    Thread thread = new Thread(
        () -> YamlSource.compose(Path.of("warmup.yaml"), SAMPLE, new Diagnostics()),
        "yaml-warmup");
    thread.setDaemon(true);
    thread.start();
  }
}
