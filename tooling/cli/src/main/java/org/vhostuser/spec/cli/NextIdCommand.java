package org.vhostuser.spec.cli;

import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.vhostuser.spec.registry.Feature;
import org.vhostuser.spec.registry.Message;
import org.vhostuser.spec.registry.MessageTable;
import org.vhostuser.spec.registry.NumberRange;
import org.vhostuser.spec.registry.Retired;
import org.vhostuser.spec.registry.validate.RegistryValidator;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code vhost-spec next-id}: the number a new entry takes, one above every number the table has
 * ever used (entries of any status, reserved ones included, and retired numbers), so a number is
 * never given twice, and outside the ranges registry.yaml sets aside.
 */
@Command(name = "next-id", mixinStandardHelpOptions = true,
    description = "Print the next free number of a table: one above every id or bit it uses,"
        + " reserves or has retired. With NAME, print the reservation to paste into the table"
        + " instead: name, number, status: reserved, proposal and owner.")
final class NextIdCommand implements Callable<Integer> {
  /** Which table to number. */
  static final class Table {
    @Option(names = "--front-end", required = true, description = "Front-end message ids.")
    boolean frontEnd;

    @Option(names = "--back-end", required = true, description = "Back-end message ids.")
    boolean backEnd;

    @Option(names = "--feature", required = true, description = "Protocol feature bits.")
    boolean feature;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  Table table;

  @Parameters(arity = "0..1", paramLabel = "NAME",
      description = "The name of the entry to reserve, for example VHOST_USER_SET_FOO.")
  String name;

  @Option(names = "--proposal", paramLabel = "URL", description = "With NAME: the merge request"
      + " or public discussion the number is held for (default: a placeholder to replace).")
  String proposal;

  @Option(names = "--owner", paramLabel = "\"NAME <ADDRESS>\"", description = "With NAME: who"
      + " holds the number (default: git config user.name and user.email).")
  String owner;

  @Mixin RegistryOption registryOption;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Optional<RegistryValidator.Checked> valid = ValidRegistry.load(registryOption.folder(),
        spec.commandLine().getErr(), "no number given");
    if (valid.isEmpty()) {
      return ExitCodes.PROBLEMS;
    }
    var registry = valid.get().registry();
    LongStream used;
    long max;
    if (table.feature) {
      used = Stream.concat(registry.protocolFeatures().features().stream().map(Feature::bit),
          registry.protocolFeatures().retired().stream().map(Retired::number))
          .mapToLong(Long::longValue);
      max = 63;
    } else {
      MessageTable messages = table.frontEnd ? registry.frontEnd() : registry.backEnd();
      used = Stream.concat(messages.messages().stream().map(Message::id),
          messages.retired().stream().map(Retired::number)).mapToLong(Long::longValue);
      max = 0xFFFF_FFFFL;
    }
    long next = used.max().orElse(table.feature ? -1 : 0) + 1;
    String tableName = table.feature ? "protocol-features" : table.frontEnd ? "front-end"
        : "back-end";
    for (boolean moved = true; moved; ) {
      moved = false;
      for (NumberRange range : registry.info().rangesOf(tableName)) {
        if (range.contains(next)) {
          next = range.last() + 1; // a range set aside is never allocated
          moved = true;
        }
      }
    }
    if (next > max) {
      spec.commandLine().getErr().println("vhost-spec: the table is full: no number above the"
          + " highest one in use is left");
      return ExitCodes.PROBLEMS;
    }
    if (name == null) {
      spec.commandLine().getOut().println(next);
      return ExitCodes.OK;
    }
    checkName(registry, tableName);
    String file = table.feature ? "protocol-features.yaml" : tableName + "-messages.yaml";
    spec.commandLine().getErr().println("vhost-spec: paste this under '" + (table.feature
        ? "features" : "messages") + ":' in " + registryOption.folder().resolve(file));
    spec.commandLine().getOut().print(Reservation.yaml(name, table.feature ? "bit" : "id", next,
        proposal, owner != null ? owner : Reservation.gitOwner(registryOption.folder())));
    return ExitCodes.OK;
  }

  /** A usage error unless {@code name} fits the table and no entry has it yet. */
  private void checkName(org.vhostuser.spec.registry.Registry registry, String tableName) {
    String pattern = switch (tableName) {
      case "front-end" -> "VHOST_USER_(?!BACKEND_)[A-Z0-9_]+";
      case "back-end" -> "VHOST_USER_BACKEND_[A-Z0-9_]+";
      default -> "VHOST_USER_PROTOCOL_F_[A-Z0-9_]+";
    };
    if (!name.matches(pattern)) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "'" + name
          + "' is not a " + tableName + (table.feature ? " name" : " message name") + " ("
          + pattern + ")");
    }
    boolean taken = Stream.concat(registry.allMessages().flatMap(m -> Stream.concat(
            Stream.of(m.name()), m.previousNames().stream())),
        registry.allFeatures().flatMap(f -> Stream.concat(Stream.of(f.name()),
            f.previousNames().stream())))
        .anyMatch(name::equals);
    if (taken) {
      throw new UserException(name + " is already in the registry; pick another name");
    }
  }
}
