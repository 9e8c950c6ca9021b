package org.vhostuser.spec.cli;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;

/** The exit codes of every command, declared once and shown in {@code --help}. */
final class ExitCodes {
  static final int OK = 0;
  static final int PROBLEMS = 1;
  static final int USAGE = 2;
  static final int INTERNAL = 3;

  /** The exit-code table shown at the end of every command's help. */
  static final Map<String, String> HELP = table();

  private ExitCodes() {}

  private static Map<String, String> table() {
    Map<String, String> rows = new LinkedHashMap<>();
    rows.put(" " + OK, "success; nothing to report");
    rows.put(" " + PROBLEMS, "problems reported (validation errors, or warnings with --strict)");
    rows.put(" " + USAGE, "usage error: wrong arguments, a missing or refused file or folder,"
        + " a busy port, a damaged git repository");
    rows.put(" " + INTERNAL, "internal error: a bug in vhost-spec; please report it");
    return Collections.unmodifiableMap(rows);
  }

  /** Adds the exit-code table to the help of a command and all its subcommands. */
  static void addToHelp(CommandLine command) {
    command.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(HELP);
    for (CommandLine subcommand : command.getSubcommands().values()) {
      addToHelp(subcommand);
    }
  }
}
