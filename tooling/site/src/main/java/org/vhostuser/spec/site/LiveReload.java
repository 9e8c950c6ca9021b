package org.vhostuser.spec.site;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What the preview adds to the pages it serves: a script that reloads the page as soon as the
 * server pushes news of a new render (server-sent events on {@link #EVENTS}), and, while the
 * latest render failed, an overlay listing its problems ({@code file:line:col: error: ...}) over
 * the last site that rendered. Each state of the preview has a token; a page carries the token
 * it was served with and reloads when the server announces another.
 */
final class LiveReload {
  /** The path of the event stream. */
  static final String EVENTS = "/__events";
  /** The id of the overlay element. */
  static final String OVERLAY_ID = "vhost-spec-problems";

  /** Differs between two runs of the server, so a page left open across a restart reloads. */
  private final String instance = Long.toString(System.currentTimeMillis(), 36);
  private final Object lock = new Object();
  private long generation;
  private List<String> problems = List.of();

  /**
   * Records the outcome of a render: pages reload when it {@code replaced} the site or when the
   * {@code problems} it found differ from those shown so far (an empty list clears them).
   */
  void rendered(boolean replaced, List<String> problems) {
    synchronized (lock) {
      List<String> now = List.copyOf(problems);
      if (replaced || !now.equals(this.problems)) {
        this.problems = now;
        generation++;
        lock.notifyAll();
      }
    }
  }

  /** The token of the current state. */
  String token() {
    synchronized (lock) {
      return instance + "-" + generation;
    }
  }

  /**
   * Waits up to {@code millis} for a state other than {@code seen} (null: any), and returns the
   * token of the state then current: {@code seen} itself when nothing changed meanwhile.
   */
  String awaitChange(String seen, long millis) throws InterruptedException {
    long deadline = System.nanoTime() + millis * 1_000_000;
    synchronized (lock) {
      while (seen != null && seen.equals(instance + "-" + generation)) {
        long left = (deadline - System.nanoTime()) / 1_000_000;
        if (left <= 0) {
          break;
        }
        lock.wait(left);
      }
      return instance + "-" + generation;
    }
  }

  /** {@code html} with the reload script and, while a render failed, the overlay. */
  byte[] inject(byte[] html) {
    String page = new String(html, StandardCharsets.UTF_8);
    int end = page.lastIndexOf("</body>");
    String added = additions();
    page = end < 0 ? page + added : page.substring(0, end) + added + page.substring(end);
    return page.getBytes(StandardCharsets.UTF_8);
  }

  /** A page of its own, for a path the preview has no page for (yet). */
  byte[] missingPage() {
    return ("<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\">"
        + "<title>Not found · preview</title></head>\n<body>\n<p>This preview has no such page"
        + " (yet). It reloads when the site is rendered again.</p>\n" + additions()
        + "</body>\n</html>\n").getBytes(StandardCharsets.UTF_8);
  }

  private String additions() {
    String token;
    List<String> shown;
    synchronized (lock) {
      token = instance + "-" + generation;
      shown = problems;
    }
    return (shown.isEmpty() ? "" : overlay(shown)) + script(token) + "\n";
  }

  /** The script that reloads the page when the server announces a state other than {@code token}. */
  static String script(String token) {
    return "<script>(function(){var seen='" + token + "';var events=new EventSource('"
        + EVENTS + "');events.onmessage=function(e){if(e.data!==seen){events.close();"
        + "location.reload();}};}());</script>";
  }

  /** The overlay listing {@code problems}, escaped. */
  static String overlay(List<String> problems) {
    StringBuilder text = new StringBuilder();
    for (String problem : problems) {
      text.append(Html.escape(problem)).append('\n');
    }
    return "<div id=\"" + OVERLAY_ID + "\" role=\"alert\" style=\"position:fixed;left:0;right:0;"
        + "bottom:0;max-height:60vh;overflow:auto;z-index:2147483647;margin:0;padding:0.8rem 1rem;"
        + "background:#fff5f5;color:#3b0000;border-top:4px solid #b00020;box-shadow:0 -2px 12px"
        + " rgba(0,0,0,.3);font:14px/1.45 system-ui,sans-serif\">\n<p style=\"margin:0 0 0.5rem;"
        + "font-weight:700\">Not rendered: this is the last site that rendered. Fix these problems"
        + " and save; the page reloads."
        + " <button type=\"button\" onclick=\"this.closest('div').remove()\">Hide</button></p>\n"
        + "<pre style=\"margin:0;white-space:pre-wrap;font:13px/1.4 monospace\">" + text
        + "</pre>\n</div>\n";
  }
}
