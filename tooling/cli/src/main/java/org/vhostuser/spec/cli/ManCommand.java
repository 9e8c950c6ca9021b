package org.vhostuser.spec.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.vhostuser.spec.asciidoc.ManPages;
import org.vhostuser.spec.generate.Generation;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/** {@code vhost-spec man}: a man page for the tool and for each of its commands. */
@Command(name = "man", mixinStandardHelpOptions = true,
    description = "Write the man pages of vhost-spec and each command (vhost-spec-diff.1, ...):"
        + " troff for man(1), and their AsciiDoc sources.")
final class ManCommand implements Callable<Integer> {
  @Option(names = "--out", paramLabel = "DIR", defaultValue = "build/man",
      description = "The folder to write into (default: ${DEFAULT-VALUE}).")
  Path out;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    try (Outputs claimed = Outputs.claim(out, "--out", Outputs.onlyFilesNamed(
        name -> name.matches("\\.?vhost-spec[\\w.-]*\\.(1|adoc|tmp)")))) {
      return write();
    }
  }

  private int write() throws IOException {
    CommandLine root = new CommandLine(new VhostSpecCommand());
    VhostSpecCommand.addSubcommands(root);
    ExitCodes.addToHelp(root);
    Map<String, String> sources = new LinkedHashMap<>();
    collect(root.getCommandSpec(), sources);
    Map<String, String> pages = ManPages.toTroff(sources);
    for (Map.Entry<String, String> source : sources.entrySet()) {
      Generation.write(out.resolve(source.getKey() + ".adoc"), source.getValue());
      Generation.write(out.resolve(source.getKey() + ".1"), pages.get(source.getKey()));
    }
    spec.commandLine().getOut().println(out + ": " + sources.size() + " man pages");
    return ExitCodes.OK;
  }

  /** The AsciiDoc man page of {@code command} and of every visible command below it. */
  private static void collect(CommandSpec command, Map<String, String> sources) {
    StringWriter text = new StringWriter();
    try (PrintWriter writer = new PrintWriter(text)) {
      ManPageGenerator.writeSingleManPage(writer, command);
    }
    sources.put(command.qualifiedName("-"), text.toString());
    for (CommandLine sub : command.subcommands().values()) {
      CommandSpec child = sub.getCommandSpec();
      if (!child.usageMessage().hidden() && child.parent() == command
          && !sources.containsKey(child.qualifiedName("-"))) {
        collect(child, sources);
      }
    }
  }
}
