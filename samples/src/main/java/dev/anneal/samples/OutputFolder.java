package dev.anneal.samples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The folder the commands write into. A folder that cannot be written is the user's to fix, so it
 * is reported in one line naming the folder and the reason, never as a stack trace.
 */
final class OutputFolder {

  /** Work that writes into the output folder. */
  interface Writing {
    void run() throws IOException;
  }

  /** The folder cannot be written: its message is the one line the user sees. */
  static final class NotWritableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotWritableException(Path folder, String reason, Throwable cause) {
      super("Cannot write to " + folder.toAbsolutePath().normalize() + ": " + reason, cause);
    }
  }

  private OutputFolder() {}

  /**
   * Creates {@code folder} if it is missing and checks that it can be written, before any work is
   * done, so that a bad {@code -o} costs nothing; then runs {@code writing}, reporting a failure to
   * write (a full disk, a folder removed meanwhile) in the same way.
   */
  static void write(Path folder, Writing writing) {
    prepare(folder);
    try {
      writing.run();
    } catch (IOException | UncheckedIOException e) {
      IOException cause =
          e instanceof UncheckedIOException unchecked ? unchecked.getCause() : (IOException) e;
      throw new NotWritableException(folder, reason(cause), e);
    }
  }

  /** Creates {@code folder} if it is missing; refuses one that is a file or cannot be written. */
  static void prepare(Path folder) {
    if (Files.exists(folder) && !Files.isDirectory(folder)) {
      throw new NotWritableException(folder, "it is a file, not a folder", null);
    }
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new NotWritableException(folder, reason(e), e);
    }
    if (!Files.isWritable(folder)) {
      throw new NotWritableException(folder, "permission denied", null);
    }
  }

  /** The reason in the words of the operating system, without the exception's class name. */
  static String reason(IOException e) {
    if (e instanceof AccessDeniedException denied) {
      return "permission denied" + on(denied);
    }
    if (e instanceof NoSuchFileException missing) {
      return "no such file or folder" + on(missing);
    }
    if (e instanceof FileSystemException failed && failed.getReason() != null) {
      return failed.getReason().toLowerCase(java.util.Locale.ROOT) + on(failed);
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  /** The file the failure happened on, which may be a parent of the folder or a file inside it. */
  private static String on(FileSystemException e) {
    return e.getFile() == null ? "" : " (" + e.getFile() + ")";
  }
}
