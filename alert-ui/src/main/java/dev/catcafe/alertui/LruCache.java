package dev.catcafe.alertui;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A small thread-safe least-recently-used map: bounded, so a long-running UI does not keep every
 * name it ever looked up.
 */
public final class LruCache<K, V> {
  private final int capacity;
  private final LinkedHashMap<K, V> entries;

  public LruCache(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive: " + capacity);
    }
    this.capacity = capacity;
    this.entries =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
            return size() > LruCache.this.capacity;
          }
        };
  }

  public synchronized Optional<V> get(K key) {
    return Optional.ofNullable(entries.get(requireNonNull(key, "key is null")));
  }

  public synchronized void put(K key, V value) {
    entries.put(requireNonNull(key, "key is null"), requireNonNull(value, "value is null"));
  }

  /** Adds {@code key} unless present; returns whether it was absent. */
  public synchronized boolean putIfAbsent(K key, V value) {
    return entries.putIfAbsent(
            requireNonNull(key, "key is null"), requireNonNull(value, "value is null"))
        == null;
  }

  public synchronized void remove(K key) {
    entries.remove(requireNonNull(key, "key is null"));
  }

  public synchronized int size() {
    return entries.size();
  }

  public int capacity() {
    return capacity;
  }
}
