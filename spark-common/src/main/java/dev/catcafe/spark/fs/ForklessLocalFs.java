package dev.catcafe.spark.fs;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumFs;

/**
 * The {@code file:} {@link org.apache.hadoop.fs.AbstractFileSystem} (what {@link
 * org.apache.hadoop.fs.FileContext} and so Structured Streaming's checkpoint manager use) over
 * {@link ForklessRawLocalFileSystem}; set as {@code fs.AbstractFileSystem.file.impl}.
 */
public final class ForklessLocalFs extends ChecksumFs {
  /** The constructor Hadoop calls by reflection. */
  public ForklessLocalFs(URI uri, Configuration conf) throws IOException, URISyntaxException {
    super(new ForklessRawLocalFs(uri, conf));
  }
}
