package org.vhostuser.spec.wire;

import java.io.FileDescriptor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.newsclub.net.unix.AFUNIXServerSocket;
import org.vhostuser.spec.registry.Message;
import org.vhostuser.spec.registry.Registry;

/**
 * {@code trace record}: a transparent proxy between a front-end (which connects to the listening
 * socket) and a back-end (whose socket it connects to). Every message of the main socket and of
 * the back-end channel is recorded and checked before it is forwarded; file descriptors are
 * forwarded unchanged, except the back-end channel of SET_BACKEND_REQ_FD, which the recorder
 * replaces by one end of its own socket pair so that it sees that channel too.
 */
public final class Recorder {
  /** How long a read waits before looking whether the recording was stopped. */
  private static final int TICK_MS = 200;

  private final Session session;
  private final long backendReqFd;
  private final int timeoutMs;
  private final List<WireSocket> sockets = new ArrayList<>();
  private final List<Thread> pumps = new ArrayList<>();
  private final CountDownLatch ended = new CountDownLatch(1);
  private volatile boolean stopping;
  private volatile String endReason;
  private volatile WireException failure;

  private Recorder(Registry registry, Session session, int timeoutMs) {
    this.session = session;
    this.timeoutMs = timeoutMs;
    this.backendReqFd = registry.frontEnd().messages().stream()
        .filter(m -> "VHOST_USER_SET_BACKEND_REQ_FD".equals(m.name())).map(Message::id)
        .findFirst().orElse(-1L);
  }

  /**
   * Waits up to {@code waitMs} for a front-end on {@code listen}, connects it to the back-end at
   * {@code connect} and records until either side hangs up or {@link #stop} is called. Returns why
   * the recording ended.
   */
  public static String run(Registry registry, Session session, Path listen, Path connect,
      int waitMs, int timeoutMs, Recorder[] handle) throws WireException, IOException {
    Recorder recorder = new Recorder(registry, session, timeoutMs);
    if (handle != null) {
      handle[0] = recorder;
    }
    return recorder.record(listen, connect, waitMs);
  }

  private String record(Path listen, Path connect, int waitMs)
      throws WireException, IOException {
    WireSocket.requireSocket(connect);
    WireSocket front;
    AFUNIXServerSocket server = WireSocket.listen(listen);
    try {
      session.say("listening on " + listen + "; waiting for the front-end");
      front = WireSocket.accept(server, waitMs, "front-end");
    } finally {
      server.close();
      Files.deleteIfExists(listen);
    }
    WireSocket back;
    try {
      back = WireSocket.connect(connect, timeoutMs);
    } catch (WireException e) {
      front.close();
      throw e;
    }
    session.say("front-end connected; connected to the back-end at " + connect);
    register(front);
    register(back);
    pump(front, back, Channel.MAIN, Flow.FRONT_TO_BACK);
    pump(back, front, Channel.MAIN, Flow.BACK_TO_FRONT);
    try {
      ended.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    stop(null);
    for (Thread t : pumps()) {
      try {
        t.join(5000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (failure != null) {
      throw failure;
    }
    return endReason == null ? "stopped" : endReason;
  }

  /** Stops the recording (from a signal handler or a test); sockets are closed. */
  public void stop(String reason) {
    if (reason != null && endReason == null) {
      endReason = reason;
    }
    stopping = true;
    synchronized (sockets) {
      sockets.forEach(WireSocket::close);
    }
    ended.countDown();
  }

  private synchronized List<Thread> pumps() {
    return new ArrayList<>(pumps);
  }

  private void register(WireSocket socket) {
    synchronized (sockets) {
      sockets.add(socket);
    }
  }

  private synchronized void pump(WireSocket from, WireSocket to, Channel channel, Flow flow) {
    Thread thread = new Thread(() -> loop(from, to, channel, flow),
        "record-" + channel.word() + "-" + flow.word());
    thread.setDaemon(true);
    pumps.add(thread);
    thread.start();
  }

  private void loop(WireSocket from, WireSocket to, Channel channel, Flow flow) {
    String side = flow == Flow.FRONT_TO_BACK ? "front-end" : "back-end";
    try {
      while (!stopping) {
        WireSocket.Received r = from.read(channel, flow, session.origin(), TICK_MS, timeoutMs);
        if (r == null) {
          if (from.idle()) {
            continue;
          }
          end(channel, "the " + side + " closed the " + channel.word() + " channel");
          return;
        }
        session.record(r.message());
        FileDescriptor[] fds = r.fds();
        WireSocket handedOut = null;
        if (channel == Channel.MAIN && flow == Flow.FRONT_TO_BACK && !r.message().isReply()
            && r.message().request() == backendReqFd && fds.length == 1) {
          WireSocket frontChannel = WireSocket.of(fds[0]);
          WireSocket[] pair = WireSocket.pair();
          register(frontChannel);
          register(pair[0]);
          register(pair[1]);
          handedOut = pair[1];
          pump(pair[0], frontChannel, Channel.BACKEND, Flow.BACK_TO_FRONT);
          pump(frontChannel, pair[0], Channel.BACKEND, Flow.FRONT_TO_BACK);
          session.say("proxying the back-end channel handed over by SET_BACKEND_REQ_FD");
          to.write(r.message().request(), r.message().flags(), r.message().payload(),
              handedOut.fileDescriptor());
          continue;
        }
        try {
          to.forward(r);
        } finally {
          WireSocket.closeAll(fds);
        }
      }
    } catch (WireException e) {
      if (!stopping) {
        failure = e;
        end(channel, e.getMessage());
      }
    } catch (IOException e) {
      if (!stopping) {
        end(channel, "forwarding on the " + channel.word() + " channel failed: " + e.getMessage());
      }
    }
  }

  private void end(Channel channel, String reason) {
    if (channel == Channel.MAIN) {
      stop(reason);
    } else {
      session.say(reason);
    }
  }
}
