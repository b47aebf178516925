package dev.catcafe.spark.fs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.CreateFlag;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class TestForklessLocalFileSystem {
  @TempDir java.nio.file.Path directory;

  private static Configuration configuration() {
    Configuration conf = new Configuration(false);
    LocalFileSystems.sparkConf()
        .forEach((key, value) -> conf.set(key.substring("spark.hadoop.".length()), value));
    conf.setBoolean("fs.file.impl.disable.cache", true);
    return conf;
  }

  @Test
  void fileSystemApiWritesFilesWithTheirPermissionAndChecksum() throws IOException {
    Path file = new Path(directory.resolve("sub/data.bin").toUri());
    try (FileSystem fs = FileSystem.get(file.toUri(), configuration())) {
      assertThat(fs).isInstanceOf(ForklessLocalFileSystem.class);
      try (FSDataOutputStream out =
          fs.create(file, new FsPermission("640"), true, 4096, (short) 1, 1 << 20, null)) {
        out.write("meow".getBytes(StandardCharsets.UTF_8));
      }
      assertThat(Files.readString(directory.resolve("sub/data.bin"))).isEqualTo("meow");
      assertThat(
              PosixFilePermissions.toString(
                  Files.getPosixFilePermissions(directory.resolve("sub/data.bin"))))
          .isEqualTo("rw-r-----");
      assertThat(directory.resolve("sub/.data.bin.crc")).exists();
    }
  }

  @Test
  void fileContextApiIsForklessToo() throws IOException {
    FileContext context = FileContext.getFileContext(directory.toUri(), configuration());
    assertThat(context.getDefaultFileSystem()).isInstanceOf(ForklessLocalFs.class);
    Path file = new Path(directory.resolve("offsets/0").toUri());
    try (FSDataOutputStream out =
        context.create(
            file,
            EnumSet.of(CreateFlag.CREATE),
            org.apache.hadoop.fs.Options.CreateOpts.perms(new FsPermission("600")),
            org.apache.hadoop.fs.Options.CreateOpts.createParent())) {
      out.write("v1".getBytes(StandardCharsets.UTF_8));
    }
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(directory.resolve("offsets/0"))))
        .isEqualTo("rw-------");
    assertThat(context.util().exists(file)).isTrue();

    Path renamed = new Path(directory.resolve("offsets/1").toUri());
    context.rename(file, renamed, org.apache.hadoop.fs.Options.Rename.OVERWRITE);
    assertThat(directory.resolve("offsets/1")).hasContent("v1");
    assertThat(directory.resolve("offsets/0")).doesNotExist();
  }

  @Test
  void linkStatusOfAPlainFileIsItsStatusAndOfAMissingOneNotFound() throws IOException {
    java.nio.file.Path plain = Files.writeString(directory.resolve("plain"), "x");
    ForklessRawLocalFileSystem fs = new ForklessRawLocalFileSystem();
    fs.initialize(directory.toUri(), configuration());

    assertThat(fs.getFileLinkStatus(new Path(plain.toUri())).getLen()).isEqualTo(1);
    assertThat(fs.getFileLinkStatus(new Path(plain.toUri())).isSymlink()).isFalse();
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> fs.getFileLinkStatus(new Path(directory.resolve("missing").toUri())))
        .isInstanceOf(java.io.FileNotFoundException.class);
  }
}
