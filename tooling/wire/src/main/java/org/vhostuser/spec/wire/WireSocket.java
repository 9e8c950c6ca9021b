package org.vhostuser.spec.wire;

import java.io.Closeable;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.newsclub.net.unix.AFUNIXServerSocket;
import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;
import org.newsclub.net.unix.AFUNIXSocketPair;
import org.newsclub.net.unix.FileDescriptorCast;

/**
 * One end of a vhost-user channel on a Unix socket (junixsocket): reads whole messages with the
 * file descriptors that came with their header, and writes messages with descriptors attached to
 * their first byte. Every read has a timeout.
 */
public final class WireSocket implements Closeable {
  /** The largest payload read; no payload of the protocol comes near it. */
  public static final int MAX_PAYLOAD = 1 << 20;
  private static final int ANCILLARY_BUFFER = 4096;

  private final AFUNIXSocket socket;
  private final InputStream in;
  private final OutputStream out;

  /** A message as read, with the descriptors that came with it (owned by the caller). */
  public record Received(WireMessage message, FileDescriptor[] fds) {}

  private WireSocket(AFUNIXSocket socket) throws IOException {
    this.socket = socket;
    socket.setAncillaryReceiveBufferSize(ANCILLARY_BUFFER);
    this.in = socket.getInputStream();
    this.out = socket.getOutputStream();
  }

  /** Connects to the socket at {@code path}, failing with a clear message. */
  public static WireSocket connect(Path path, int timeoutMs) throws WireException {
    requireSocket(path);
    try {
      AFUNIXSocket socket = AFUNIXSocket.newInstance();
      socket.connect(AFUNIXSocketAddress.of(path), timeoutMs);
      return new WireSocket(socket);
    } catch (IOException e) {
      throw new WireException(WireException.Kind.ENVIRONMENT, "cannot connect to " + path + ": "
          + e.getMessage());
    }
  }

  /** Fails with an environment problem unless {@code path} exists and is not a file or folder. */
  public static void requireSocket(Path path) throws WireException {
    if (!Files.exists(path)) {
      throw new WireException(WireException.Kind.ENVIRONMENT, "no socket at " + path);
    }
    if (Files.isRegularFile(path) || Files.isDirectory(path)) {
      throw new WireException(WireException.Kind.ENVIRONMENT, path + " is not a socket");
    }
  }

  /** A socket the peer handed over as a descriptor (the back-end channel). */
  public static WireSocket of(FileDescriptor fd) throws IOException {
    return new WireSocket(FileDescriptorCast.using(fd).as(AFUNIXSocket.class));
  }

  /** A connected pair of sockets: the first to keep, the second's descriptor to hand over. */
  public static WireSocket[] pair() throws IOException {
    var pair = AFUNIXSocketPair.open();
    return new WireSocket[] {new WireSocket((AFUNIXSocket) pair.getSocket1().socket()),
        new WireSocket((AFUNIXSocket) pair.getSocket2().socket())};
  }

  /**
   * Listens on {@code path}; refuses a path that exists and is not a socket (a file, a folder,
   * a link, a FIFO or a device such as /dev/null would be deleted to make room).
   */
  public static AFUNIXServerSocket listen(Path path) throws WireException {
    if (Files.exists(path, LinkOption.NOFOLLOW_LINKS) && !isSocket(path)) {
      throw new WireException(WireException.Kind.ENVIRONMENT, path
          + " exists and is not a socket; refusing to replace it");
    }
    try {
      Files.deleteIfExists(path);
      AFUNIXServerSocket server = AFUNIXServerSocket.newInstance();
      server.bind(AFUNIXSocketAddress.of(path));
      return server;
    } catch (IOException e) {
      throw new WireException(WireException.Kind.ENVIRONMENT, "cannot listen on " + path + ": "
          + e.getMessage());
    }
  }

  /** True when {@code path} itself (not what a link names) is a Unix socket. */
  private static boolean isSocket(Path path) {
    try {
      int mode = (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
      return (mode & 0170000) == 0140000;
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return false;
    }
  }

  /** Waits up to {@code timeoutMs} for a peer to connect to {@code server}. */
  public static WireSocket accept(AFUNIXServerSocket server, int timeoutMs, String who)
      throws WireException {
    try {
      server.setSoTimeout(timeoutMs);
      return new WireSocket(server.accept());
    } catch (SocketTimeoutException e) {
      throw new WireException(WireException.Kind.PEER, "no " + who + " connected within "
          + seconds(timeoutMs));
    } catch (IOException e) {
      throw new WireException(WireException.Kind.PEER, "accepting the " + who + " failed: "
          + e.getMessage());
    }
  }

  /** The descriptor of this socket, to hand to a peer. */
  public FileDescriptor fileDescriptor() throws IOException {
    return socket.getFileDescriptor();
  }

  /**
   * Reads the next message. Returns null when the peer closed the connection between messages,
   * or when nothing arrived within {@code idleMs} (then {@link #idle} is true). Once a message
   * has begun, the rest must arrive within {@code messageMs}.
   */
  public Received read(Channel channel, Flow flow, long originNanos, int idleMs, int messageMs)
      throws WireException {
    idle = false;
    List<FileDescriptor> fds = new ArrayList<>();
    byte[] header = new byte[WireMessage.HEADER_SIZE];
    double time;
    try {
      socket.setSoTimeout(idleMs);
      int first;
      try {
        first = in.read(header, 0, header.length);
      } catch (SocketTimeoutException e) {
        idle = true;
        return null;
      }
      if (first < 0) {
        return null;
      }
      time = (System.nanoTime() - originNanos) / 1e6;
      collect(fds);
      long deadline = System.nanoTime() + messageMs * 1_000_000L;
      fill(header, first, deadline, fds, "header");
      long size = Bytes.unsigned(header, 8, 4);
      if (size > MAX_PAYLOAD) {
        closeAll(fds);
        throw new WireException(WireException.Kind.PEER, "a message on the " + channel.word()
            + " channel (" + flow.word() + ", request " + Bytes.unsigned(header, 0, 4)
            + ") announces " + size + " payload bytes, more than any payload ("
            + MAX_PAYLOAD + "); the stream cannot be followed");
      }
      byte[] payload = new byte[(int) size];
      fill(payload, 0, deadline, fds, "payload");
      WireMessage message = new WireMessage(time, channel, flow, Bytes.unsigned(header, 0, 4),
          Bytes.unsigned(header, 4, 4), size, fds.size(), payload, 0);
      return new Received(message, fds.toArray(new FileDescriptor[0]));
    } catch (IOException e) {
      closeAll(fds);
      throw new WireException(WireException.Kind.PEER, "reading the " + channel.word()
          + " channel (" + flow.word() + ") failed: " + e.getMessage());
    }
  }

  private boolean idle;

  /** True when the last {@link #read} returned null because nothing arrived in time. */
  public boolean idle() {
    return idle;
  }

  private void fill(byte[] buffer, int have, long deadline, List<FileDescriptor> fds, String part)
      throws IOException, WireException {
    while (have < buffer.length) {
      long left = (deadline - System.nanoTime()) / 1_000_000L;
      if (left <= 0) {
        closeAll(fds);
        throw new WireException(WireException.Kind.PEER, "the peer stopped in the middle of a"
            + " message " + part + " (" + have + " of " + buffer.length + " bytes)");
      }
      socket.setSoTimeout((int) Math.max(1, left));
      int n;
      try {
        n = in.read(buffer, have, buffer.length - have);
      } catch (SocketTimeoutException e) {
        continue;
      }
      if (n < 0) {
        closeAll(fds);
        throw new WireException(WireException.Kind.PEER, "the peer hung up in the middle of a"
            + " message " + part + " (" + have + " of " + buffer.length + " bytes)");
      }
      collect(fds);
      have += n;
    }
  }

  private void collect(List<FileDescriptor> fds) throws IOException {
    FileDescriptor[] received = socket.getReceivedFileDescriptors();
    if (received != null) {
      fds.addAll(Arrays.asList(received));
    }
  }

  /** Writes one message with its descriptors attached to its first byte. */
  public void write(long request, long flags, byte[] payload, FileDescriptor... fds)
      throws IOException {
    byte[] bytes = new byte[WireMessage.HEADER_SIZE + payload.length];
    Bytes.put(bytes, 0, 4, request);
    Bytes.put(bytes, 4, 4, flags);
    Bytes.put(bytes, 8, 4, payload.length);
    System.arraycopy(payload, 0, bytes, WireMessage.HEADER_SIZE, payload.length);
    synchronized (out) {
      if (fds.length > 0) {
        socket.setOutboundFileDescriptors(fds);
      }
      out.write(bytes);
      out.flush();
    }
  }

  /** The raw byte stream, for tests that send broken messages. */
  OutputStream rawOutput() {
    return out;
  }

  /** Writes a message as it was read, with the same descriptors. */
  public void forward(Received received) throws IOException {
    WireMessage m = received.message();
    write(m.request(), m.flags(), m.payload(), received.fds());
  }

  /** Closes descriptors this process received and no longer needs. */
  public static void closeAll(Iterable<FileDescriptor> fds) {
    for (FileDescriptor fd : fds) {
      close(fd);
    }
  }

  /** Closes descriptors this process received and no longer needs. */
  public static void closeAll(FileDescriptor... fds) {
    closeAll(Arrays.asList(fds));
  }

  private static void close(FileDescriptor fd) {
    if (fd == null || !fd.valid()) {
      return;
    }
    try {
      new FileInputStream(fd).close();
    } catch (IOException e) {
      // already closed
    }
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      // closing is best effort
    }
  }

  static String seconds(int ms) {
    return ms % 1000 == 0 ? (ms / 1000) + " s" : ms + " ms";
  }
}
