package com.saypro.monitor.incidents.store;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * An alert's labels: an immutable map kept as two arrays sorted by name. The webhook builds one
 * per alert ({@link Builder}) instead of a {@code LinkedHashMap} that was copied into an immutable
 * map and sorted again for the JSON column (a quarter of the bytes allocated per notification,
 * bench/incidents/RESULTS.md); the JSON column is written from it in order ({@link LabelsJson}).
 * Readers see a plain {@code Map}, iterated by name.
 */
public final class Labels extends AbstractMap<String, String> {
  public static final Labels EMPTY = new Labels(new String[0], new String[0], 0);

  private final String[] names;
  private final String[] values;
  private final int size;

  private Labels(String[] names, String[] values, int size) {
    this.names = names;
    this.values = values;
    this.size = size;
  }

  /** {@code labels} itself if it is a {@code Labels}; otherwise a sorted copy (no null names or values). */
  public static Labels copyOf(Map<String, String> labels) {
    if (labels instanceof Labels same) {
      return same;
    }
    Builder builder = new Builder(labels.size());
    for (Map.Entry<String, String> label : labels.entrySet()) {
      builder.put(Objects.requireNonNull(label.getKey(), "label name"), Objects.requireNonNull(label.getValue(), "label value"));
    }
    return builder.build();
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public String get(Object name) {
    int i = indexOf(name);
    return i >= 0 ? values[i] : null;
  }

  @Override
  public boolean containsKey(Object name) {
    return indexOf(name) >= 0;
  }

  private int indexOf(Object name) {
    return name instanceof String text ? Arrays.binarySearch(names, 0, size, text) : -1;
  }

  /** The i-th name in order, 0 &lt;= i &lt; size. */
  String name(int i) {
    Objects.checkIndex(i, size);
    return names[i];
  }

  /** The value of the i-th name in order. */
  String value(int i) {
    Objects.checkIndex(i, size);
    return values[i];
  }

  @Override
  public Set<Entry<String, String>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public int size() {
        return size;
      }

      @Override
      public Iterator<Entry<String, String>> iterator() {
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < size;
          }

          @Override
          public Entry<String, String> next() {
            if (next >= size) {
              throw new NoSuchElementException();
            }
            Entry<String, String> entry = Map.entry(names[next], values[next]);
            next++;
            return entry;
          }
        };
      }
    };
  }

  /** Collects labels in name order; a name given again takes the later value. Used once: {@link #build} hands its arrays over. */
  public static final class Builder {
    private String[] names;
    private String[] values;
    private int size;

    public Builder() {
      this(8);
    }

    public Builder(int capacity) {
      names = new String[Math.max(1, capacity)];
      values = new String[names.length];
    }

    public int size() {
      return size;
    }

    public void put(String name, String value) {
      int i = Arrays.binarySearch(names, 0, size, name);
      if (i >= 0) {
        values[i] = value;
        return;
      }
      int at = -i - 1;
      if (size == names.length) {
        names = Arrays.copyOf(names, size * 2);
        values = Arrays.copyOf(values, size * 2);
      }
      System.arraycopy(names, at, names, at + 1, size - at);
      System.arraycopy(values, at, values, at + 1, size - at);
      names[at] = name;
      values[at] = value;
      size++;
    }

    public Labels build() {
      Labels labels = size == 0 ? EMPTY : new Labels(names, values, size);
      names = null; // a put after build would change the built labels: fail instead
      values = null;
      return labels;
    }
  }
}
