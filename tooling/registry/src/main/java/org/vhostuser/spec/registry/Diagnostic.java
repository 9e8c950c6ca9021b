package org.vhostuser.spec.registry;

import java.nio.file.Path;
import java.util.Comparator;

/** One content problem found in the registry or the prose, with its exact place and rule code. */
public record Diagnostic(
    Severity severity, Path file, int line, int column, Code code, String message)
    implements Comparable<Diagnostic> {

  private static final Comparator<Diagnostic> ORDER =
      Comparator.comparing((Diagnostic d) -> d.file().toString())
          .thenComparingInt(Diagnostic::line)
          .thenComparingInt(Diagnostic::column)
          .thenComparing(d -> d.code().id())
          .thenComparing(Diagnostic::message);

  /** An error at a source position. */
  public static Diagnostic error(SourcePosition at, Code code, String message) {
    return new Diagnostic(Severity.ERROR, at.file(), at.line(), at.column(), code, message);
  }

  /** A warning at a source position. */
  public static Diagnostic warning(SourcePosition at, Code code, String message) {
    return new Diagnostic(Severity.WARNING, at.file(), at.line(), at.column(), code, message);
  }

  /** The same diagnostic with another severity. */
  public Diagnostic withSeverity(Severity newSeverity) {
    return new Diagnostic(newSeverity, file, line, column, code, message);
  }

  /** {@code path:line:col: error: message [code]}, the form editors and CI understand. */
  public String format() {
    return file + ":" + line + ":" + column + ": " + severity.label() + ": " + message
        + " [" + code.id() + "]";
  }

  @Override
  public int compareTo(Diagnostic other) {
    return ORDER.compare(this, other);
  }
}
