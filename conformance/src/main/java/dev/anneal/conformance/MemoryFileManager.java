package dev.anneal.conformance;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;

/**
 * Keeps everything one compilation writes (classes, generated sources, resources) in memory, and
 * reads everything else (the platform and the class path) through the standard file manager.
 */
final class MemoryFileManager extends ForwardingJavaFileManager<StandardJavaFileManager> {

  private final Map<String, MemoryFile> outputs = new LinkedHashMap<>();

  MemoryFileManager(StandardJavaFileManager standard) {
    super(standard);
  }

  /** A source file given as text. */
  static JavaFileObject source(String binaryName, String text) {
    return new MemoryFile(uri(binaryName, JavaFileObject.Kind.SOURCE), binaryName, JavaFileObject.Kind.SOURCE, text);
  }

  private static URI uri(String binaryName, JavaFileObject.Kind kind) {
    return URI.create("mem:///" + binaryName.replace('.', '/') + kind.extension);
  }

  @Override
  public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
      FileObject sibling) {
    URI uri = uri(className, kind);
    MemoryFile file = new MemoryFile(uri, className, kind, null);
    outputs.put(uri.toString(), file);
    return file;
  }

  @Override
  public FileObject getFileForOutput(Location location, String packageName, String relativeName, FileObject sibling) {
    String path = packageName.isEmpty() ? relativeName : packageName.replace('.', '/') + "/" + relativeName;
    URI uri = URI.create("mem:///" + path);
    MemoryFile file = new MemoryFile(uri, path, JavaFileObject.Kind.OTHER, null);
    outputs.put(uri.toString(), file);
    return file;
  }

  @Override
  public JavaFileObject getJavaFileForInput(Location location, String className, JavaFileObject.Kind kind)
      throws IOException {
    // A processor may read back what it wrote in an earlier round.
    if (location == StandardLocation.CLASS_OUTPUT || location == StandardLocation.SOURCE_OUTPUT) {
      MemoryFile file = outputs.get(uri(className, kind).toString());
      if (file != null) {
        return file;
      }
    }
    return super.getJavaFileForInput(location, className, kind);
  }

  @Override
  public String inferBinaryName(Location location, JavaFileObject file) {
    if (file instanceof MemoryFile memory) {
      return memory.binaryName;
    }
    return super.inferBinaryName(location, file);
  }

  @Override
  public boolean isSameFile(FileObject a, FileObject b) {
    if (a instanceof MemoryFile || b instanceof MemoryFile) {
      return a.toUri().equals(b.toUri());
    }
    return super.isSameFile(a, b);
  }

  @Override
  public void close() {
    // The standard file manager is shared by later compilations, and caches the archives it read.
  }

  /** The class files written, by binary name. */
  Map<String, byte[]> classes() {
    Map<String, byte[]> out = new LinkedHashMap<>();
    for (MemoryFile file : outputs.values()) {
      if (file.getKind() == JavaFileObject.Kind.CLASS) {
        out.put(file.binaryName, file.bytes.toByteArray());
      }
    }
    return out;
  }

  /** The sources the processor generated, by binary name. */
  Map<String, String> generatedSources() {
    Map<String, String> out = new LinkedHashMap<>();
    for (MemoryFile file : outputs.values()) {
      if (file.getKind() == JavaFileObject.Kind.SOURCE) {
        out.put(file.binaryName, file.bytes.toString(StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  /** A file held in memory: a given source, or anything the compilation writes. */
  static final class MemoryFile extends SimpleJavaFileObject {
    final String binaryName;
    private final String text;
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    MemoryFile(URI uri, String binaryName, Kind kind, String text) {
      super(uri, kind);
      this.binaryName = binaryName;
      this.text = text;
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return text != null ? text : bytes.toString(StandardCharsets.UTF_8);
    }

    @Override
    public OutputStream openOutputStream() {
      bytes.reset();
      return bytes;
    }

    @Override
    public InputStream openInputStream() {
      return new ByteArrayInputStream(
          text != null ? text.getBytes(StandardCharsets.UTF_8) : bytes.toByteArray());
    }
  }
}
