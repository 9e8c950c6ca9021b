package org.vhostuser.spec.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/** The registry entry that reserves a number: what {@code next-id NAME} prints to paste. */
final class Reservation {
  /** Shown where a value is still to be filled in. */
  static final String PROPOSAL_PLACEHOLDER = "LINK TO YOUR DESIGN MERGE REQUEST OR THREAD";
  static final String OWNER_PLACEHOLDER = "Your Name <you@example.org>";

  private Reservation() {}

  /** The entry as YAML, indented as a list item of its table. */
  static String yaml(String name, String numberKey, long number, String proposal, String owner) {
    return "  - name: " + name + "\n"
        + "    " + numberKey + ": " + number + "\n"
        + "    status: reserved\n"
        + "    proposal: " + quoted(proposal == null ? PROPOSAL_PLACEHOLDER : proposal) + "\n"
        + "    owner: " + quoted(owner == null ? OWNER_PLACEHOLDER : owner) + "\n";
  }

  /** "user.name <user.email>" from the git configuration of the repository, when both are set. */
  static String gitOwner(Path folder) {
    FileRepositoryBuilder builder = new FileRepositoryBuilder()
        .findGitDir(folder.toAbsolutePath().toFile()).setMustExist(false);
    if (builder.getGitDir() == null) {
      return null;
    }
    try (var repository = builder.build()) {
      Config config = repository.getConfig();
      String user = config.getString("user", null, "name");
      String email = config.getString("user", null, "email");
      return user == null || email == null ? null : user + " <" + email + ">";
    } catch (IOException | IllegalArgumentException e) {
      return null; // no owner found: the placeholder says what to write
    }
  }

  /** A YAML double-quoted scalar. */
  private static String quoted(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
