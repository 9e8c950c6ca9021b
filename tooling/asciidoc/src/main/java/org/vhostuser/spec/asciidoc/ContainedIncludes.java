package org.vhostuser.spec.asciidoc;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.asciidoctor.ast.Document;
import org.asciidoctor.extension.IncludeProcessor;
import org.asciidoctor.extension.PreprocessorReader;
import org.asciidoctor.log.LogRecord;
import org.asciidoctor.log.Severity;
import org.vhostuser.spec.registry.Code;
import org.vhostuser.spec.registry.load.InputFiles;

/**
 * Reads every {@code include::} of the prose in place of Asciidoctor, whose safe mode keeps
 * include paths inside the base folder but follows a symbolic link wherever it leads. A file
 * is included only when it is a regular file whose real path lies inside the specification's
 * folder (see {@link InputFiles}), at most 4 MiB of UTF-8; anything else is an error of the
 * render, so the page is not published.
 */
final class ContainedIncludes extends IncludeProcessor {
  static final long MAX_BYTES = 4L * 1024 * 1024;
  /** Include options that select lines; Asciidoctor applies them only to includes it reads. */
  private static final Set<String> SELECTIONS = Set.of("lines", "tag", "tags");

  private final Supplier<Path> folder;

  /** Includes files only from the folder {@code folder} gives for the render under way. */
  ContainedIncludes(Supplier<Path> folder) {
    this.folder = folder;
  }

  @Override
  public boolean handles(String target) {
    return true;
  }

  @Override
  public void process(Document document, PreprocessorReader reader, String target,
      Map<String, Object> attributes) {
    // The reader has consumed the include line: it stands one line above.
    String where = (reader.getFile() == null ? "" : reader.getFile() + ":")
        + (reader.getLineNumber() - 1) + ": ";
    if (target.contains("://")) {
      refuse(where, target, "the prose includes only files of the specification, not URLs");
      return;
    }
    if (attributes.keySet().stream().anyMatch(SELECTIONS::contains)) {
      refuse(where, target, "the options lines=, tag= and tags= are not supported");
      return;
    }
    Path file;
    try {
      file = Path.of(reader.getDir()).resolve(target).normalize();
    } catch (InvalidPathException e) {
      refuse(where, target, "no file can have this name (" + e.getReason() + ")");
      return;
    }
    String text;
    try {
      text = InputFiles.utf8(InputFiles.read(file, folder.get(), MAX_BYTES, "prose files"));
    } catch (InputFiles.Refused e) {
      if (e.code() == Code.FILE_MISSING) {
        log(new LogRecord(Severity.ERROR, where + "include file not found: " + file));
      } else {
        refuse(where, target, e.getMessage());
      }
      return;
    } catch (InputFiles.NotUtf8 e) {
      refuse(where, target, e.getMessage() + " at line " + e.line()
          + "; prose files must be UTF-8");
      return;
    }
    reader.pushInclude(text, file.toString(), target, 1, attributes);
  }

  private void refuse(String where, String target, String why) {
    log(new LogRecord(Severity.ERROR, where + "include of " + target + " refused: " + why));
  }
}
