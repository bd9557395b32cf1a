package dev.leakgate.source;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The names of tree entries, each distinct name numbered once: a history holds millions of
 * entries but only thousands of names, so trees keep numbers and a {@code String} is made once
 * per distinct name, not once per entry. Each reading thread asks through its own {@link Local}
 * cache; only a name it has not met yet takes the shared lock.
 */
final class NameTable {
    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> names = new ArrayList<>();

    synchronized int intern(String name) {
        Integer id = ids.get(name);
        if (id == null) {
            id = names.size();
            names.add(name);
            ids.put(name, id);
        }
        return id;
    }

    synchronized String name(int id) {
        return names.get(id);
    }

    Local local() {
        return new Local(this);
    }

    /** One thread's view: raw name bytes to numbers, by open addressing, without allocating for a known name. */
    static final class Local {
        private final NameTable shared;
        private byte[][] keys = new byte[1024][];
        private int[] values = new int[1024];
        private int size;

        private Local(NameTable shared) {
            this.shared = shared;
        }

        int id(byte[] raw, int from, int to) {
            int h = hash(raw, from, to);
            int mask = keys.length - 1;
            for (int s = h & mask;; s = (s + 1) & mask) {
                byte[] k = keys[s];
                if (k == null) {
                    byte[] name = Arrays.copyOfRange(raw, from, to);
                    int id = shared.intern(new String(name, StandardCharsets.UTF_8));
                    keys[s] = name;
                    values[s] = id;
                    if (++size * 2 > keys.length) {
                        grow();
                    }
                    return id;
                }
                if (k.length == to - from && Arrays.equals(k, 0, k.length, raw, from, to)) {
                    return values[s];
                }
            }
        }

        private void grow() {
            byte[][] oldKeys = keys;
            int[] oldValues = values;
            keys = new byte[oldKeys.length * 2][];
            values = new int[oldKeys.length * 2];
            int mask = keys.length - 1;
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] != null) {
                    int s = hash(oldKeys[i], 0, oldKeys[i].length) & mask;
                    while (keys[s] != null) {
                        s = (s + 1) & mask;
                    }
                    keys[s] = oldKeys[i];
                    values[s] = oldValues[i];
                }
            }
        }

        private static int hash(byte[] b, int from, int to) {
            int h = 0x9e3779b9;
            for (int i = from; i < to; i++) {
                h = (h ^ b[i]) * 0x01000193;
            }
            return h ^ (h >>> 15);
        }
    }
}
