package com.refractoryatlas.gateway.federation;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An insertion-ordered map of a JSON object: keys and values in two arrays, looked up by a linear scan while small
 * and through a hash index once larger. A subgraph answer, the merged results and the shaped response are trees of
 * hundreds of small objects; a {@code LinkedHashMap} costs a node per entry, a table and links (a third of what the
 * gateway allocated on the Guild benchmark's query), this costs two arrays. Null keys are not allowed; null values
 * are (JSON null).
 */
final class CompactMap extends AbstractMap<String, Object> {

    /** Above this many keys, lookups go through an index instead of a scan. */
    private static final int SCAN_LIMIT = 12;

    private String[] keys;
    private @Nullable Object[] values;
    private int size;
    private @Nullable Map<String, Integer> index;

    CompactMap() {
        this(4);
    }

    CompactMap(int capacity) {
        keys = new String[Math.max(1, capacity)];
        values = new Object[keys.length];
    }

    private int indexOf(@Nullable Object key) {
        if (!(key instanceof String)) {
            return -1;
        }
        if (index != null) {
            var position = index.get(key);
            return position == null ? -1 : position;
        }
        // Strings cache their hash: comparing it first skips almost every equals of a key that does not match
        var hash = key.hashCode();
        for (var i = 0; i < size; i++) {
            var candidate = keys[i];
            if (candidate == key || candidate.hashCode() == hash && candidate.equals(key)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public boolean containsKey(@Nullable Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    public @Nullable Object get(@Nullable Object key) {
        var i = indexOf(key);
        return i < 0 ? null : values[i];
    }

    @Override
    public @Nullable Object put(String key, @Nullable Object value) {
        var i = indexOf(key);
        if (i >= 0) {
            var previous = values[i];
            values[i] = value;
            return previous;
        }
        if (key == null) {
            throw new NullPointerException("JSON object keys are never null");
        }
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        keys[size] = key;
        values[size] = value;
        if (index != null) {
            index.put(key, size);
        } else if (size + 1 > SCAN_LIMIT) {
            var built = new HashMap<String, Integer>(size * 4);
            for (var j = 0; j <= size; j++) {
                built.put(keys[j], j);
            }
            index = built;
        }
        size++;
        return null;
    }

    @Override
    public @Nullable Object remove(@Nullable Object key) {
        var i = indexOf(key);
        if (i < 0) {
            return null;
        }
        var previous = values[i];
        System.arraycopy(keys, i + 1, keys, i, size - i - 1);
        System.arraycopy(values, i + 1, values, i, size - i - 1);
        size--;
        keys[size] = null;
        values[size] = null;
        if (index != null) {
            index = null;
            if (size > SCAN_LIMIT) {
                var built = new HashMap<String, Integer>(size * 2);
                for (var j = 0; j < size; j++) {
                    built.put(keys[j], j);
                }
                index = built;
            }
        }
        return previous;
    }

    @Override
    public void clear() {
        Arrays.fill(keys, 0, size, null);
        Arrays.fill(values, 0, size, null);
        size = 0;
        index = null;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Object>> iterator() {
                return new Iterator<>() {
                    private int next;
                    private int current = -1;

                    @Override
                    public boolean hasNext() {
                        return next < size;
                    }

                    @Override
                    public Entry<String, Object> next() {
                        if (next >= size) {
                            throw new NoSuchElementException();
                        }
                        current = next++;
                        return new Slot(current);
                    }

                    @Override
                    public void remove() {
                        if (current < 0) {
                            throw new IllegalStateException();
                        }
                        CompactMap.this.remove(keys[current]);
                        next = current;
                        current = -1;
                    }
                };
            }

            @Override
            public int size() {
                return size;
            }
        };
    }

    /** An entry that reads and writes the map's arrays in place. */
    private final class Slot implements Entry<String, Object> {
        private final int position;

        Slot(int position) {
            this.position = position;
        }

        @Override
        public String getKey() {
            return keys[position];
        }

        @Override
        public @Nullable Object getValue() {
            return values[position];
        }

        @Override
        public @Nullable Object setValue(@Nullable Object value) {
            var previous = values[position];
            values[position] = value;
            return previous;
        }

        @Override
        public boolean equals(@Nullable Object other) {
            return other instanceof Entry<?, ?> entry
                    && getKey().equals(entry.getKey())
                    && java.util.Objects.equals(getValue(), entry.getValue());
        }

        @Override
        public int hashCode() {
            return getKey().hashCode() ^ java.util.Objects.hashCode(getValue());
        }

        @Override
        public String toString() {
            return getKey() + "=" + getValue();
        }
    }
}
