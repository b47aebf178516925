package dev.catcafe.spark.fs;

import org.apache.hadoop.fs.LocalFileSystem;

/**
 * The {@code file:} {@link org.apache.hadoop.fs.FileSystem} (checksummed, as Hadoop's own) over
 * {@link ForklessRawLocalFileSystem}; set as {@code fs.file.impl}.
 */
public final class ForklessLocalFileSystem extends LocalFileSystem {
  public ForklessLocalFileSystem() {
    super(new ForklessRawLocalFileSystem());
  }
}
