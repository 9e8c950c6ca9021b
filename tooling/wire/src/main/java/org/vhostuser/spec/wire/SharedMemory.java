package org.vhostuser.spec.wire;

import java.io.Closeable;
import java.io.FileDescriptor;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Guest memory the probe owns: a file under /dev/shm, mapped here and handed to the back-end by
 * descriptor. The file is removed as soon as it is open, so nothing is left in /dev/shm even when
 * the process is killed.
 */
final class SharedMemory implements Closeable {
  private final RandomAccessFile file;
  private final MappedByteBuffer buffer;
  private final long size;

  private SharedMemory(RandomAccessFile file, MappedByteBuffer buffer, long size) {
    this.file = file;
    this.buffer = buffer;
    this.size = size;
  }

  /** Creates and maps {@code size} bytes of shared memory. */
  static SharedMemory create(long size) throws IOException {
    Path dir = Path.of("/dev/shm");
    if (!Files.isDirectory(dir) || !Files.isWritable(dir)) {
      dir = Path.of(System.getProperty("java.io.tmpdir"));
    }
    Path path = Files.createTempFile(dir, "vhost-spec-probe-", ".mem");
    RandomAccessFile file = null;
    try {
      file = new RandomAccessFile(path.toFile(), "rw");
      file.setLength(size);
      MappedByteBuffer buffer = file.getChannel().map(FileChannel.MapMode.READ_WRITE, 0, size);
      buffer.order(ByteOrder.LITTLE_ENDIAN);
      return new SharedMemory(file, buffer, size);
    } catch (IOException e) {
      if (file != null) {
        file.close();
      }
      throw e;
    } finally {
      Files.deleteIfExists(path);
    }
  }

  FileDescriptor fd() throws IOException {
    return file.getFD();
  }

  long size() {
    return size;
  }

  void putLong(long offset, long value) {
    buffer.putLong((int) offset, value);
  }

  void putInt(long offset, int value) {
    buffer.putInt((int) offset, value);
  }

  void putShort(long offset, short value) {
    buffer.putShort((int) offset, value);
  }

  int getShort(long offset) {
    return buffer.getShort((int) offset) & 0xffff;
  }

  int getInt(long offset) {
    return buffer.getInt((int) offset);
  }

  int getByte(long offset) {
    return buffer.get((int) offset) & 0xff;
  }

  byte[] get(long offset, int length) {
    byte[] out = new byte[length];
    for (int i = 0; i < length; i++) {
      out[i] = buffer.get((int) offset + i);
    }
    return out;
  }

  @Override
  public void close() throws IOException {
    file.close();
  }
}
