package org.vhostuser.spec.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Notices changes below some folders by comparing file names, sizes and modification times
 * between calls: simple, and the same on every platform and file system. Where the platform
 * reports file events (inotify on Linux), a wait ends as soon as one arrives, so an edit is
 * noticed within milliseconds rather than at the next poll.
 */
final class ChangeWatcher implements AutoCloseable {
  /** After an event, how long the folders must stay quiet before they are compared. */
  static final long QUIET_MILLIS = 10;
  /** The longest an edit that keeps writing delays the comparison. */
  static final long MAX_SETTLE_MILLIS = 200;

  private final List<Path> folders;
  private final Optional<WatchService> events;
  private Map<String, String> last;

  ChangeWatcher(List<Path> folders) {
    this.folders = List.copyOf(folders);
    this.events = open();
    register();
    this.last = snapshot();
  }

  /** True when something changed since the previous call. */
  boolean changed() {
    Map<String, String> now = snapshot();
    boolean changed = !now.equals(last);
    last = now;
    return changed;
  }

  /**
   * Waits up to {@code millis}, less when the platform reports an event below the folders (then
   * until they have been quiet for {@link #QUIET_MILLIS}, so a save that writes a temporary file
   * and renames it counts once), and tells whether something changed since the previous call.
   */
  boolean awaitChange(long millis) throws InterruptedException {
    if (events.isEmpty()) {
      Thread.sleep(millis);
      return changed();
    }
    try {
      WatchKey key = events.get().poll(millis, TimeUnit.MILLISECONDS);
      long settled = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(MAX_SETTLE_MILLIS);
      boolean any = key != null;
      while (key != null) {
        key.pollEvents();
        key.reset();
        key = System.nanoTime() < settled
            ? events.get().poll(QUIET_MILLIS, TimeUnit.MILLISECONDS) : null;
      }
      if (any) {
        register(); // folders created meanwhile
      }
    } catch (ClosedWatchServiceException e) {
      Thread.sleep(millis);
    }
    return changed();
  }

  @Override
  public void close() {
    events.ifPresent(service -> {
      try {
        service.close();
      } catch (IOException e) {
        // nothing left to release
      }
    });
  }

  private static Optional<WatchService> open() {
    try {
      return Optional.of(FileSystems.getDefault().newWatchService());
    } catch (IOException | UnsupportedOperationException e) {
      return Optional.empty(); // polling alone still notices every change
    }
  }

  /** Watches every folder below the folders; one that cannot be watched is still polled. */
  private void register() {
    if (events.isEmpty()) {
      return;
    }
    for (Path folder : folders) {
      if (!Files.isDirectory(folder)) {
        continue;
      }
      try (Stream<Path> walk = Files.walk(folder)) {
        for (Path directory : walk.filter(Files::isDirectory).toList()) {
          directory.register(events.get(), StandardWatchEventKinds.ENTRY_CREATE,
              StandardWatchEventKinds.ENTRY_DELETE, StandardWatchEventKinds.ENTRY_MODIFY);
        }
      } catch (IOException | UncheckedIOException | ClosedWatchServiceException e) {
        // polling covers what could not be watched
      }
    }
  }

  private Map<String, String> snapshot() {
    Map<String, String> files = new TreeMap<>();
    for (Path folder : folders) {
      if (!Files.isDirectory(folder)) {
        continue;
      }
      try (Stream<Path> walk = Files.walk(folder)) {
        walk.filter(Files::isRegularFile).forEach(file -> {
          try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            files.put(file.toString(), attributes.size() + "@"
                + attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS) + "#"
                + attributes.fileKey());
          } catch (IOException e) {
            files.put(file.toString(), "unreadable");
          }
        });
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return files;
  }
}
