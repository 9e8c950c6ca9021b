package org.vhostuser.spec.maintainers;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GitLab's CODEOWNERS file made from MAINTAINERS: each section becomes a CODEOWNERS section
 * with its file patterns; maintainers (M:) are required approvers, reviewers (R:) of a section
 * without maintainers form an optional section, so GitLab suggests them. People are named by
 * e-mail address, which GitLab maps to accounts, or as {@code @user} when MAINTAINERS gives
 * {@code gitlab:user}; handles of other forges are left in comments.
 */
public final class CodeOwners {
  /** Where GitLab reads the file, relative to the repository root. */
  public static final String PATH = ".gitlab/CODEOWNERS";

  private static final String GITLAB = "gitlab:";
  private static final Pattern ADDRESS = Pattern.compile("<([^<>@\\s]+@[^<>\\s]+)>");

  private CodeOwners() {}

  /** The CODEOWNERS text for {@code sections}. */
  public static String render(List<Section> sections) {
    StringBuilder out = new StringBuilder();
    out.append("# GitLab code owners, generated from MAINTAINERS by"
        + " `vhost-spec maintainers codeowners`.\n");
    out.append("# Do not edit: change MAINTAINERS and run the command again; CI checks that the"
        + " two agree.\n");
    for (Section section : sections) {
      List<String> maintainers = addresses(section.values('M'));
      List<String> reviewers = addresses(section.values('R'));
      List<String> unmapped = new ArrayList<>();
      for (char tag : new char[] {'M', 'R'}) {
        section.values(tag).stream()
            .filter(v -> !ADDRESS.matcher(v).find() && !v.startsWith(GITLAB))
            .forEach(unmapped::add);
      }
      String status = section.values('S').isEmpty() ? "" : " (" + section.values('S').get(0) + ")";
      out.append('\n').append("# ").append(section.title()).append(status).append('\n');
      if (!unmapped.isEmpty()) {
        out.append("# also reviewing, without a GitLab address here: ")
            .append(String.join(", ", unmapped)).append('\n');
      }
      List<String> owners = maintainers.isEmpty() ? reviewers : maintainers;
      if (owners.isEmpty()) {
        out.append("# no maintainer or reviewer with an address: no code owners\n");
        continue;
      }
      out.append(maintainers.isEmpty() ? "^[" : "[").append(sectionName(section.title()))
          .append("]\n");
      for (String pattern : section.values('F')) {
        out.append(pattern(pattern)).append(' ').append(String.join(" ", owners)).append('\n');
      }
      if (!maintainers.isEmpty() && !reviewers.isEmpty()) {
        out.append("^[").append(sectionName(section.title())).append(" (reviewers)]\n");
        for (String pattern : section.values('F')) {
          out.append(pattern(pattern)).append(' ').append(String.join(" ", reviewers))
              .append('\n');
        }
      }
    }
    return out.toString();
  }

  private static List<String> addresses(List<String> people) {
    List<String> addresses = new ArrayList<>();
    for (String person : people) {
      Matcher address = ADDRESS.matcher(person);
      if (address.find()) {
        addresses.add(address.group(1));
      } else if (person.startsWith(GITLAB)) {
        addresses.add("@" + person.substring(GITLAB.length()));
      }
    }
    return addresses;
  }

  /** A MAINTAINERS pattern as CODEOWNERS writes it: anchored at the repository root. */
  static String pattern(String pattern) {
    String anchored = pattern.startsWith("/") ? pattern : "/" + pattern;
    return anchored.replace(" ", "\\ ");
  }

  private static String sectionName(String title) {
    return title.replace('[', '(').replace(']', ')');
  }
}
