package org.vhostuser.spec.wire;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.vhostuser.spec.registry.Registry;

/**
 * One observed connection, shared by the recorder, the probe and the stub back-end: numbers each
 * message, checks it, appends it to the transcript (written to a temporary file and moved into
 * place when the session ends) and prints it and its findings as it passes.
 */
public final class Session implements AutoCloseable {
  private final Checker checker;
  private final Path out;
  private final Path partial;
  private final Writer transcript;
  private final PrintWriter live;
  private final String label;
  private final long origin = System.nanoTime();
  private int line;
  private boolean closed;
  private final List<WireMessage> seen = new ArrayList<>();

  /**
   * A session checked against {@code registry}; {@code out} (may be null) receives the
   * transcript, {@code live} (may be null) the messages and findings as they pass.
   */
  public Session(Registry registry, Map<String, String> implementations, Path out,
      PrintWriter live) throws IOException {
    this.checker = new Checker(registry, implementations);
    this.out = out;
    this.live = live;
    this.label = out == null ? "live" : out.toString();
    if (out != null) {
      Path dir = out.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      this.partial = Files.createTempFile(dir, "." + out.getFileName(), ".partial");
      this.transcript = Files.newBufferedWriter(partial, StandardCharsets.UTF_8);
    } else {
      this.partial = null;
      this.transcript = null;
    }
  }

  /** The moment the session started, for message times. */
  public long origin() {
    return origin;
  }

  /** The checker, for what was negotiated and what is still awaited. */
  public Checker checker() {
    return checker;
  }

  /** Records one message: numbers, checks, writes and prints it. Returns its findings. */
  public synchronized List<Finding> record(WireMessage message) throws IOException {
    WireMessage m = message.atLine(++line);
    seen.add(m);
    List<Finding> found = checker.accept(m);
    String name = checker.nameOf(m);
    if (transcript != null) {
      Transcript.write(transcript, m, name);
    }
    if (live != null) {
      live.println(String.format(Locale.ROOT, "%9.3f ms  %-7s %-13s %s%s  flags 0x%x  size %d"
              + "  fds %d", m.timeMs(), m.channel().word(), m.direction().word(),
          name == null ? "request " + m.request() : name, m.isReply() ? " (reply)" : "",
          m.flags(), m.size(), m.fds()));
      found.forEach(f -> live.println(Reports.line(label, f)));
      live.flush();
    }
    return found;
  }

  /** Prints one line of commentary (not a message) to the live output. */
  public synchronized void say(String text) {
    if (live != null) {
      live.println(text);
      live.flush();
    }
  }

  /** Ends the conversation: reports replies still due and moves the transcript into place. */
  @Override
  public synchronized void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    List<Finding> found = checker.finish();
    if (live != null) {
      found.forEach(f -> live.println(Reports.line(label, f)));
      live.flush();
    }
    if (transcript != null) {
      transcript.close();
      Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    }
  }

  /** Drops the partial transcript (when the session never saw a message). */
  public synchronized void discard() throws IOException {
    closed = true;
    if (transcript != null) {
      transcript.close();
      Files.deleteIfExists(partial);
    }
  }

  /** The messages recorded so far, in order. */
  public synchronized List<WireMessage> messagesSeen() {
    return List.copyOf(seen);
  }

  /** How many messages were recorded. */
  public synchronized int messages() {
    return line;
  }

  /** The summary: counts and the rules broken, each linked to the spec. */
  public synchronized String summary(String specUrl) {
    List<Finding> all = checker.findings();
    Map<String, Integer> broken = new TreeMap<>();
    int errors = 0;
    int warnings = 0;
    int notes = 0;
    for (Finding f : all) {
      switch (f.level()) {
        case ERROR -> errors++;
        case WARNING -> warnings++;
        default -> notes++;
      }
      if (f.level() != Finding.Level.NOTE) {
        broken.merge(f.rule() + " (" + f.side().yamlName() + ")", 1, Integer::sum);
      }
    }
    StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
        "%d messages: %d errors, %d warnings, %d known quirks%n", line, errors, warnings, notes));
    if (!broken.isEmpty()) {
      text.append("rules broken:\n");
      broken.forEach((rule, count) -> text.append("  ").append(rule).append(" x").append(count)
          .append(": ").append(Reports.link(specUrl, rule.substring(0, rule.indexOf(' '))))
          .append('\n'));
    }
    return text.toString();
  }

  /** True when an error finding was made. */
  public synchronized boolean failed() {
    return checker.findings().stream().anyMatch(f -> f.level() == Finding.Level.ERROR);
  }

  /** The findings so far. */
  public synchronized List<Finding> findings() {
    return new ArrayList<>(checker.findings());
  }
}
