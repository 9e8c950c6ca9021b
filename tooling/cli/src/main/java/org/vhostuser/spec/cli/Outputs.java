package org.vhostuser.spec.cli;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.vhostuser.spec.registry.load.InputFiles;

/**
 * What a command may write, decided before it does any work. A folder output is claimed: it
 * must not exist, be empty, or carry the marker file an earlier run of vhost-spec left in it (or
 * hold only what the command itself writes, as runs did before the marker existed). A file
 * output must be a regular file or not exist. Neither may be the repository, a folder above it,
 * a file at its top, anything inside its {@code spec/}, {@code tooling/}, {@code site/} or
 * {@code .git/}, nor anything in /proc, /dev or /sys. Anything else is refused with one line
 * (exit 2). A claim holds a lock beside the folder until the command ends, so a second run on
 * the same output refuses instead of writing into it at the same time.
 */
final class Outputs implements AutoCloseable {
  /** The marker file of a folder vhost-spec wrote. */
  static final String MARKER = ".vhost-spec-output";
  /** The folders of a repository that hold its sources. */
  private static final List<String> SOURCES = List.of("spec", "tooling", "site", ".git");
  private static final String MARKER_TEXT = "This folder was written by vhost-spec; a later run"
      + " may replace everything in it.\n";

  private final Path folder;
  private final FileChannel lockFile;
  private final FileLock lock;

  private Outputs(Path folder, FileChannel lockFile, FileLock lock) {
    this.folder = folder;
    this.lockFile = lockFile;
    this.lock = lock;
  }

  /**
   * Claims the folder {@code out}, named by {@code option}, or throws the one-line refusal.
   * {@code earlierOutput} recognises a folder the command wrote before there was a marker;
   * {@code roots} are repository roots to protect besides those around the working directory
   * and {@code out}.
   */
  static Outputs claim(Path out, String option, Predicate<Path> earlierOutput, Path... roots) {
    return claim(out, option, earlierOutput, "name a new or empty folder with " + option, roots);
  }

  /** As {@link #claim(Path, String, Predicate, Path...)}, ending a refusal with {@code hint}. */
  static Outputs claim(Path out, String option, Predicate<Path> earlierOutput, String hint,
      Path... roots) {
    Path folder = out.toAbsolutePath().normalize();
    refuseProtected(out, folder, option, roots);
    if (Files.isSymbolicLink(folder)) {
      throw new UserException(out + " is a symbolic link; " + option + " needs the folder itself");
    }
    if (Files.exists(folder)) {
      if (!Files.isDirectory(folder)) {
        throw new UserException(out + " is a file; " + option + " needs a folder");
      }
      if (!owned(folder, earlierOutput)) {
        throw new UserException(out + " is not empty and was not written by vhost-spec (it has"
            + " no " + MARKER + "); " + hint);
      }
      if (!Files.isWritable(folder)) {
        throw new UserException("cannot write into " + out + ": the folder is not writable");
      }
    }
    Path lockPath = createParent(out, folder).resolve("." + folder.getFileName() + ".lock");
    FileChannel channel = null;
    try {
      channel = FileChannel.open(lockPath, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock = tryLock(channel);
      if (lock == null) {
        throw new UserException(out + " is being written by another vhost-spec run (lock "
            + lockPath + "); wait until it has finished, or name another folder with " + option);
      }
      return new Outputs(folder, channel, lock);
    } catch (IOException e) {
      close(channel);
      throw new UserException("cannot write into " + out + ": " + UserException.reasonOf(e));
    } catch (RuntimeException e) {
      close(channel);
      throw e;
    }
  }

  /**
   * Checks a folder that holds outputs without being one ({@code build --out DIR}, which holds
   * the claimed {@code generated/} and {@code site/}): it may not be a file nor a protected
   * place; otherwise throws the one-line refusal.
   */
  static void checkParent(Path out, String option, Path... roots) {
    refuseProtected(out, out.toAbsolutePath().normalize(), option, roots);
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw new UserException(out + " is a file; " + option + " needs a folder");
    }
  }

  /**
   * Checks the file {@code file}, named by {@code option}, that a command will write (replacing
   * it when it exists), or throws the one-line refusal; creates its folder.
   */
  static void checkFile(Path file, String option, Path... roots) {
    Path absolute = file.toAbsolutePath().normalize();
    refuseProtected(file, absolute, option, roots);
    Path real = realPath(absolute);
    for (Path root : repositoryRoots(real, roots)) {
      if (root.equals(real.getParent())) {
        throw new UserException("refusing to write " + file + ": it is at the top of the"
            + " repository " + root + ", whose files are sources; name a file under build/");
      }
    }
    if (Files.exists(absolute, LinkOption.NOFOLLOW_LINKS)
        && !Files.isRegularFile(absolute, LinkOption.NOFOLLOW_LINKS)) {
      throw new UserException(file + (Files.isDirectory(absolute) ? " is a folder; " : " is not a"
          + " regular file; ") + option + " needs the name of a file to write");
    }
    Path parent = createParent(file, absolute);
    if (!Files.isWritable(parent)) {
      throw new UserException("cannot write " + file + ": its folder " + parent
          + " is not writable");
    }
  }

  /** Releases the lock; marks the folder when the command wrote it. */
  @Override
  public void close() {
    try {
      if (Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)
          && !Files.exists(folder.resolve(MARKER), LinkOption.NOFOLLOW_LINKS)) {
        Files.writeString(folder.resolve(MARKER), MARKER_TEXT);
      }
    } catch (IOException e) {
      // the folder is still recognised by its contents; the next run says so if not
    } finally {
      try {
        lock.release();
      } catch (IOException e) {
        // closing the channel releases it too
      }
      close(lockFile);
    }
  }

  private static FileLock tryLock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock();
    } catch (OverlappingFileLockException e) {
      return null; // held by this process, for example by a test running two commands
    }
  }

  /** True when {@code folder} is empty, marked, or an earlier output of the command. */
  private static boolean owned(Path folder, Predicate<Path> earlierOutput) {
    if (Files.exists(folder.resolve(MARKER), LinkOption.NOFOLLOW_LINKS)) {
      return true;
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
      if (!entries.iterator().hasNext()) {
        return true;
      }
    } catch (IOException e) {
      throw new UserException("cannot read the folder " + folder + ": "
          + UserException.reasonOf(e));
    }
    return earlierOutput.test(folder);
  }

  /**
   * A predicate recognising a folder that holds nothing but files whose names
   * {@code ownName} accepts: what a command that writes named files left there before.
   */
  static Predicate<Path> onlyFilesNamed(Predicate<String> ownName) {
    return folder -> {
      try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
        int seen = 0;
        for (Path entry : entries) {
          if (++seen > 1000 || !Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)
              || !ownName.test(entry.getFileName().toString())) {
            return false;
          }
        }
        return true;
      } catch (IOException e) {
        return false;
      }
    };
  }

  private static void refuseProtected(Path named, Path absolute, String option, Path[] roots) {
    Path real = realPath(absolute);
    if (InputFiles.isSystem(real) || real.getParent() == null) {
      throw new UserException("refusing to write " + named + " (" + option + "): vhost-spec"
          + " writes nothing into /, /proc, /dev or /sys");
    }
    for (Path root : repositoryRoots(real, roots)) {
      if (root.startsWith(real)) {
        throw new UserException("refusing to write " + named + " (" + option + "): it is the"
            + " repository " + root + " or a folder above it; name a folder under build/");
      }
      for (String source : SOURCES) {
        if (real.startsWith(root.resolve(source))) {
          throw new UserException("refusing to write " + named + " (" + option + "): it is"
              + " inside the repository's " + source + "/ folder, which holds sources; name a"
              + " folder under build/");
        }
      }
    }
  }

  /**
   * The repositories to protect: {@code roots}, and those around the working directory and
   * around {@code path} (the nearest folders above them with a .git), all as real paths.
   */
  private static List<Path> repositoryRoots(Path path, Path[] roots) {
    List<Path> found = new ArrayList<>();
    for (Path root : roots) {
      found.add(realPath(root.toAbsolutePath().normalize()));
    }
    gitRoot(Path.of("").toAbsolutePath()).ifPresent(found::add);
    gitRoot(realPath(path)).ifPresent(found::add);
    return found;
  }

  private static Optional<Path> gitRoot(Path start) {
    for (Path folder = start; folder != null; folder = folder.getParent()) {
      if (Files.exists(folder.resolve(".git"), LinkOption.NOFOLLOW_LINKS)) {
        return Optional.of(realPath(folder));
      }
    }
    return Optional.empty();
  }

  /** {@code path} with the symbolic links of its longest existing prefix resolved. */
  private static Path realPath(Path path) {
    Path existing = path;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      return path;
    }
    try {
      return existing.toRealPath().resolve(existing.relativize(path)).normalize();
    } catch (IOException e) {
      return path;
    }
  }

  private static Path createParent(Path named, Path absolute) {
    Path parent = absolute.getParent();
    try {
      Files.createDirectories(parent);
      return parent;
    } catch (IOException e) {
      throw new UserException("cannot write " + named + ": cannot create its folder " + parent
          + ": " + UserException.reasonOf(e));
    }
  }

  private static void close(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        // nothing to release
      }
    }
  }
}
