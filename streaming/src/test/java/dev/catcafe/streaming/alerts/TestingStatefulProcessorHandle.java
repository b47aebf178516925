package dev.catcafe.streaming.alerts;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.streaming.ListState;
import org.apache.spark.sql.streaming.MapState;
import org.apache.spark.sql.streaming.QueryInfo;
import org.apache.spark.sql.streaming.StatefulProcessorHandle;
import org.apache.spark.sql.streaming.TTLConfig;
import org.apache.spark.sql.streaming.ValueState;
import scala.Tuple2;
import scala.collection.Iterator;
import scala.jdk.javaapi.CollectionConverters;

/**
 * An in-memory {@link StatefulProcessorHandle} for one grouping key, so a processor can be driven
 * without a stream. It records the TTL each state variable asked for; it does not expire anything
 * (expiry is Spark's job, covered by the integration test).
 */
final class TestingStatefulProcessorHandle implements StatefulProcessorHandle {
  private final Map<String, TTLConfig> ttls = new LinkedHashMap<>();
  private final Map<String, InMemoryValueState<?>> valueStates = new HashMap<>();
  private final Map<String, InMemoryMapState<?, ?>> mapStates = new HashMap<>();

  /** The TTL each state variable was created with, by name. */
  Map<String, TTLConfig> ttls() {
    return ttls;
  }

  /** Forgets every state variable's content, as Spark does when their TTL passes. */
  void expireAll() {
    valueStates.values().forEach(InMemoryValueState::clear);
    mapStates.values().forEach(InMemoryMapState::clear);
  }

  @Override
  public <T> ValueState<T> getValueState(String name, Encoder<T> encoder, TTLConfig ttl) {
    ttls.put(requireNonNull(name), requireNonNull(ttl));
    @SuppressWarnings("unchecked")
    ValueState<T> state =
        (ValueState<T>) valueStates.computeIfAbsent(name, n -> new InMemoryValueState<T>());
    return state;
  }

  @Override
  public <T> ValueState<T> getValueState(String name, TTLConfig ttl, Encoder<T> encoder) {
    return getValueState(name, encoder, ttl);
  }

  @Override
  public <T> ListState<T> getListState(String name, Encoder<T> encoder, TTLConfig ttl) {
    throw new UnsupportedOperationException("the processor under test uses no list state");
  }

  @Override
  public <T> ListState<T> getListState(String name, TTLConfig ttl, Encoder<T> encoder) {
    return getListState(name, encoder, ttl);
  }

  @Override
  public <K, V> MapState<K, V> getMapState(
      String name, Encoder<K> keyEncoder, Encoder<V> valueEncoder, TTLConfig ttl) {
    ttls.put(requireNonNull(name), requireNonNull(ttl));
    @SuppressWarnings("unchecked")
    MapState<K, V> state =
        (MapState<K, V>) mapStates.computeIfAbsent(name, n -> new InMemoryMapState<K, V>());
    return state;
  }

  @Override
  public <K, V> MapState<K, V> getMapState(
      String name, TTLConfig ttl, Encoder<K> keyEncoder, Encoder<V> valueEncoder) {
    return getMapState(name, keyEncoder, valueEncoder, ttl);
  }

  @Override
  public QueryInfo getQueryInfo() {
    throw new UnsupportedOperationException("no query without a stream");
  }

  @Override
  public void registerTimer(long expiryTimestampMs) {
    throw new UnsupportedOperationException("the processor under test uses no timers");
  }

  @Override
  public void deleteTimer(long expiryTimestampMs) {
    throw new UnsupportedOperationException("the processor under test uses no timers");
  }

  @Override
  public Iterator<Object> listTimers() {
    return CollectionConverters.asScala(List.<Object>of().iterator());
  }

  @Override
  public void deleteIfExists(String stateName) {
    valueStates.remove(stateName);
    mapStates.remove(stateName);
  }

  private static final class InMemoryValueState<S> implements ValueState<S> {
    private S value;

    @Override
    public boolean exists() {
      return value != null;
    }

    @Override
    public S get() {
      return value;
    }

    @Override
    public void update(S newState) {
      value = requireNonNull(newState, "a value state cannot hold null");
    }

    @Override
    public void clear() {
      value = null;
    }
  }

  private static final class InMemoryMapState<K, V> implements MapState<K, V> {
    private final Map<K, V> entries = new LinkedHashMap<>();

    @Override
    public boolean exists() {
      return !entries.isEmpty();
    }

    @Override
    public V getValue(K key) {
      return entries.get(key);
    }

    @Override
    public boolean containsKey(K key) {
      return entries.containsKey(key);
    }

    @Override
    public void updateValue(K key, V value) {
      entries.put(requireNonNull(key), requireNonNull(value));
    }

    @Override
    public Iterator<Tuple2<K, V>> iterator() {
      List<Tuple2<K, V>> pairs = new ArrayList<>();
      entries.forEach((k, v) -> pairs.add(Tuple2.apply(k, v)));
      return CollectionConverters.asScala(pairs.iterator());
    }

    @Override
    public Iterator<K> keys() {
      return CollectionConverters.asScala(new ArrayList<>(entries.keySet()).iterator());
    }

    @Override
    public Iterator<V> values() {
      return CollectionConverters.asScala(new ArrayList<>(entries.values()).iterator());
    }

    @Override
    public void removeKey(K key) {
      entries.remove(key);
    }

    @Override
    public void clear() {
      entries.clear();
    }
  }
}
