package dev.catcafe.spark.fs;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;

/**
 * Hadoop's local file system, but setting a file's permission with a system call instead of a
 * forked {@code chmod} process.
 *
 * <p>Why: without Hadoop's native library (not on Maven Central), {@link RawLocalFileSystem} forks
 * {@code chmod} for every file it creates with a permission, which is every streaming checkpoint
 * file, every state store changelog and every Iceberg data and metadata file (and each one's {@code
 * .crc}). That was about 150 ms of every Adopter Detective micro-batch.
 */
public class ForklessRawLocalFileSystem extends RawLocalFileSystem {
  @Override
  public void setPermission(Path path, FsPermission permission) throws IOException {
    requireNonNull(permission, "permission is null");
    if (permission.getStickyBit()) {
      super.setPermission(path, permission); // rare; the rwx string below cannot say it
      return;
    }
    Files.setPosixFilePermissions(
        pathToFile(path).toPath(), PosixFilePermissions.fromString(permission.toString()));
  }

  /** As Hadoop's for a symbolic link; for anything else (all our files) no {@code readlink}. */
  @Override
  public FileStatus getFileLinkStatus(Path path) throws IOException {
    if (Files.isSymbolicLink(pathToFile(path).toPath())) {
      return super.getFileLinkStatus(path);
    }
    return getFileStatus(path); // a missing file throws FileNotFoundException, as Hadoop's does
  }
}
