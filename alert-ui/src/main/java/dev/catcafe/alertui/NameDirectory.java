package dev.catcafe.alertui;

import static java.util.Objects.requireNonNull;

import java.sql.SQLException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cat and visitor names for the feed, cached in bounded LRU maps: profiles are written once by the
 * simulator and names never change, so a hit never goes stale. Misses are not cached, because a
 * profile may appear after the first alert that names it.
 */
public final class NameDirectory {
  private static final Logger LOG = LoggerFactory.getLogger(NameDirectory.class);

  private final CatRepository repository;
  private final LruCache<String, String> catNames;
  private final LruCache<String, String> visitorNames;

  public NameDirectory(CatRepository repository, int capacity) {
    this.repository = requireNonNull(repository, "repository is null");
    this.catNames = new LruCache<>(capacity);
    this.visitorNames = new LruCache<>(capacity);
  }

  public Optional<String> catName(String catId) {
    return cached(catNames, catId, () -> repository.catName(catId));
  }

  public Optional<String> visitorName(String visitorId) {
    return cached(visitorNames, visitorId, () -> repository.visitorName(visitorId));
  }

  public void rememberCat(String catId, String name) {
    if (name != null && !name.isBlank()) {
      catNames.put(catId, name);
    }
  }

  @FunctionalInterface
  private interface Lookup {
    Optional<String> find() throws SQLException;
  }

  private static Optional<String> cached(LruCache<String, String> cache, String id, Lookup lookup) {
    requireNonNull(id, "id is null");
    Optional<String> hit = cache.get(id);
    if (hit.isPresent()) {
      return hit;
    }
    try {
      Optional<String> found = lookup.find();
      found.ifPresent(name -> cache.put(id, name));
      return found;
    } catch (SQLException failure) {
      // The feed must keep flowing while the database is away: show the fallback name.
      LOG.warn("name lookup for {} failed: {}", id, failure.getMessage());
      return Optional.empty();
    }
  }
}
