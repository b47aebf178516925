package dev.catcafe.spark.fs;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.DelegateToFileSystem;

/** The {@link org.apache.hadoop.fs.FileContext} view of {@link ForklessRawLocalFileSystem}. */
final class ForklessRawLocalFs extends DelegateToFileSystem {
  ForklessRawLocalFs(URI uri, Configuration conf) throws IOException, URISyntaxException {
    super(uri, new ForklessRawLocalFileSystem(), conf, "file", false);
  }

  @Override
  public int getUriDefaultPort() {
    return -1; // as Hadoop's RawLocalFs: a local path has no port
  }
}
