package org.vhostuser.spec.rst;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Maps the payload phrases of vhost-user.rst ("vring state description", "struct
 * VhostUserShared", "dmabuf fd and u64") to registry payload names. File descriptors are not
 * payloads: a phrase naming only descriptors means no body. A phrase the table does not know
 * gets a name derived from its words, which then differs from any registry payload.
 */
public final class PayloadNames {
  /** A phrase resolved: the payload name (null for no body) and whether the table knew it. */
  public record Resolved(String name, boolean known) {}

  /** Known phrases, normalized (lower case, no article, no {@code struct}), to payload names. */
  private static final Map<String, String> KNOWN = Map.ofEntries(
      Map.entry("u64", "u64_value"),
      Map.entry("single 64-bit integer", "u64_value"),
      Map.entry("vring state description", "vring_state"),
      Map.entry("vhost_vring_state", "vring_state"),
      Map.entry("vring address description", "vring_addr"),
      Map.entry("vhost_vring_addr", "vring_addr"),
      Map.entry("vring descriptor index/indices", "vring_base"),
      Map.entry("vring descriptor index", "vring_base"),
      Map.entry("vring descriptor indices", "vring_base"),
      Map.entry("memory region description", "memory_region"),
      Map.entry("multiple memory regions description", "memory"),
      Map.entry("memory regions description", "memory"),
      Map.entry("vhostusermemory", "memory"),
      Map.entry("single memory region description", "single_memory_region"),
      Map.entry("memory region", "single_memory_region"),
      Map.entry("vhostusermemregmsg", "single_memory_region"),
      Map.entry("log description", "log"),
      Map.entry("vhostuserlog", "log"),
      Map.entry("vhost_iotlb_msg", "iotlb_msg"),
      Map.entry("iotlb message", "iotlb_msg"),
      Map.entry("virtio device config space", "config"),
      Map.entry("vhostuserconfig", "config"),
      Map.entry("vring area description", "vring_area"),
      Map.entry("vhostuservringarea", "vring_area"),
      Map.entry("inflight description", "inflight"),
      Map.entry("vhostuserinflight", "inflight"),
      Map.entry("vhostusershared", "shared_object"),
      Map.entry("device state transfer parameters", "device_state_transfer"),
      Map.entry("vhostusertransferdevicestate", "device_state_transfer"),
      Map.entry("mmap request", "shmem_map"),
      Map.entry("vhostusermmap", "shmem_map"),
      Map.entry("virtio shared memory region configuration", "shmem_config"),
      Map.entry("vhostusershmemconfig", "shmem_config"),
      Map.entry("crypto session description", "crypto_session"),
      Map.entry("vhostusercryptosession", "crypto_session"));

  private PayloadNames() {}

  /** The registry payload a phrase names. */
  public static Resolved resolve(String phrase) {
    if (phrase == null) {
      return new Resolved(null, true);
    }
    // A leading condition such as "(postcopy only)" does not change the layout.
    String text = phrase.strip().replaceFirst("^\\([^)]*\\)\\s*", "");
    List<String> bodies = new ArrayList<>();
    for (String part : text.split("\\s+and\\s+")) {
      if (!isDescriptor(part)) {
        bodies.add(part);
      }
    }
    if (bodies.isEmpty()) {
      return new Resolved(null, true);
    }
    if (bodies.size() == 1) {
      String known = KNOWN.get(normalize(bodies.get(0)));
      if (known != null) {
        return new Resolved(known, true);
      }
    }
    return new Resolved(derive(text), false);
  }

  /** True for the words of a file descriptor: "fd", "dmabuf fd", "userfault fd". */
  private static boolean isDescriptor(String part) {
    String p = part.strip().toLowerCase(Locale.ROOT);
    return p.equals("fd") || p.endsWith(" fd") || p.endsWith("file descriptor")
        || p.endsWith(" fds");
  }

  private static String normalize(String part) {
    return part.strip().toLowerCase(Locale.ROOT)
        .replaceFirst("^(a|an|the)\\s+", "")
        .replaceFirst("^struct\\s+", "")
        .replaceAll("\\s+", " ");
  }

  /** A snake_case name from a phrase: {@code struct VhostUserFoo} gives {@code vhost_user_foo}. */
  static String derive(String phrase) {
    String name = phrase.strip().replaceFirst("^struct\\s+", "")
        .replaceAll("([a-z0-9])([A-Z])", "$1_$2")
        .toLowerCase(Locale.ROOT)
        .replaceAll("[^a-z0-9]+", "_")
        .replaceAll("^_+|_+$", "");
    if (name.isEmpty()) {
      return "payload";
    }
    return Character.isDigit(name.charAt(0)) ? "p_" + name : name;
  }
}
