package org.vhostuser.spec.wire;

import java.io.Closeable;
import java.io.FileDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.AFUNIXSocketChannel;
import org.newsclub.net.unix.AFUNIXSocketPair;

/**
 * A kick or call notifier: a socket pair standing in for an eventfd. The peer's end is handed
 * over by descriptor; a signal is the 8-byte counter write an eventfd reader expects.
 */
final class Notifier implements Closeable {
  private final AFUNIXSocketPair<AFUNIXSocketChannel> pair;
  private final AFUNIXSocket mine;

  Notifier() throws IOException {
    pair = AFUNIXSocketPair.open();
    mine = (AFUNIXSocket) pair.getSocket1().socket();
  }

  /** The end to hand to the peer. */
  FileDescriptor peerEnd() throws IOException {
    return pair.getSocket2().getFileDescriptor();
  }

  /** Signals the peer once. */
  void signal() throws IOException {
    byte[] one = new byte[8];
    one[0] = 1;
    mine.getOutputStream().write(one);
    mine.getOutputStream().flush();
  }

  /** Waits up to {@code timeoutMs} for the peer's signal; true when one came. */
  boolean await(int timeoutMs) throws IOException {
    mine.setSoTimeout(timeoutMs);
    InputStream in = mine.getInputStream();
    try {
      return in.read(new byte[64]) > 0;
    } catch (SocketTimeoutException e) {
      return false;
    }
  }

  @Override
  public void close() throws IOException {
    pair.close();
  }
}
