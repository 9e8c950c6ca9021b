package org.vhostuser.spec.registry;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A small streaming JSON writer with stable two-space indentation, so that machine-readable
 * outputs are deterministic and diff well. Keys are written in the order the caller gives.
 */
public final class JsonWriter {
  private final StringBuilder out = new StringBuilder();
  private final Deque<Boolean> firstInScope = new ArrayDeque<>();
  private boolean afterKey;

  /** Starts an object, as a value or as the document. */
  public JsonWriter beginObject() {
    raw("{");
    firstInScope.push(true);
    return this;
  }

  /** Ends the innermost object. */
  public JsonWriter endObject() {
    return close("}");
  }

  /** Starts an array. */
  public JsonWriter beginArray() {
    raw("[");
    firstInScope.push(true);
    return this;
  }

  /** Ends the innermost array. */
  public JsonWriter endArray() {
    return close("]");
  }

  /** Writes a key inside an object; the next call writes its value. */
  public JsonWriter name(String key) {
    separate();
    out.append(quote(key)).append(": ");
    afterKey = true;
    return this;
  }

  /** A string value, or null. */
  public JsonWriter value(String text) {
    return raw(text == null ? "null" : quote(text));
  }

  /** A number value, or null. */
  public JsonWriter value(Long number) {
    return raw(number == null ? "null" : number.toString());
  }

  /** A boolean value. */
  public JsonWriter value(boolean flag) {
    return raw(Boolean.toString(flag));
  }

  /** The document, ending with a newline. */
  @Override
  public String toString() {
    return out + "\n";
  }

  private JsonWriter raw(String raw) {
    if (!afterKey) {
      separate();
    }
    afterKey = false;
    out.append(raw);
    return this;
  }

  private void separate() {
    if (firstInScope.isEmpty()) {
      return;
    }
    if (!firstInScope.pop()) {
      out.append(',');
    }
    firstInScope.push(false);
    out.append('\n').append("  ".repeat(firstInScope.size()));
  }

  private JsonWriter close(String bracket) {
    boolean empty = firstInScope.pop();
    if (!empty) {
      out.append('\n').append("  ".repeat(firstInScope.size()));
    }
    out.append(bracket);
    return this;
  }

  /** A JSON string literal. */
  public static String quote(String text) {
    StringBuilder quoted = new StringBuilder("\"");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> quoted.append("\\\"");
        case '\\' -> quoted.append("\\\\");
        case '\n' -> quoted.append("\\n");
        case '\r' -> quoted.append("\\r");
        case '\t' -> quoted.append("\\t");
        default -> {
          if (c < 0x20) {
            quoted.append(String.format("\\u%04x", (int) c));
          } else {
            quoted.append(c);
          }
        }
      }
    }
    return quoted.append('"').toString();
  }
}
