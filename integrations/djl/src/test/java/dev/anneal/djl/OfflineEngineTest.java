package dev.anneal.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.util.Utils;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

/**
 * The tests' engine: PyTorch's CPU library from the Maven jar, DJL offline, its cache inside the
 * build, so that the training tests download nothing and write nothing outside target/.
 */
class OfflineEngineTest {

  @Test
  void pytorchFromTheNativeJarOfflineWithItsCacheInTheBuild() {
    assertTrue(Utils.isOfflineMode(), "DJL's offline mode");
    Path target = Paths.get("target").toAbsolutePath();
    Path cache = Utils.getEngineCacheDir("pytorch").toAbsolutePath();
    assertTrue(cache.startsWith(target), cache + " is outside " + target);
    assertTrue(Utils.getCacheDir().toAbsolutePath().startsWith(target));
    Engine engine = Engine.getInstance();
    assertEquals("PyTorch", engine.getEngineName());
    assertEquals("2.7.1", engine.getVersion());
    assertTrue(Files.isDirectory(cache), "the library unpacked from the jar into " + cache);
  }
}
