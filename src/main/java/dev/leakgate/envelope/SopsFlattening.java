package dev.leakgate.envelope;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Undoes the flattening the dotenv and INI stores apply to the metadata: nested maps joined with
 * {@code __map_}, list positions with {@code __list_<i>}, so {@code age__list_0__map_enc} is {@code age[0].enc}.
 */
final class SopsFlattening {
    private static final String MAP = "__map_";
    private static final String LIST = "__list_";
    /** sops metadata is a few levels deep; a key nesting deeper is made to exhaust a recursive reader. */
    private static final int MAX_DEPTH = 16;

    /** One flattened key with its (already unescaped) value and the line it came from. */
    record Flat(String key, String value, Integer line) {
    }

    private record Leaf(String value, Integer line) {
    }

    private SopsFlattening() {
    }

    static SopsTree.Mapping unflatten(List<Flat> entries) throws ProblemException {
        Map<String, Object> root = new LinkedHashMap<>();
        for (Flat flat : entries) {
            insert(root, tokens(flat.key()), flat);
        }
        return (SopsTree.Mapping) toNode(root);
    }

    /** The path of a flattened key: strings for map keys, integers for list positions. */
    static List<Object> tokens(String key) throws ProblemException {
        List<Object> out = new ArrayList<>();
        int next = nextMarker(key, 0);
        out.add(key.substring(0, next < 0 ? key.length() : next));
        while (next >= 0) {
            if (out.size() >= MAX_DEPTH) {
                throw conflict();
            }
            if (key.startsWith(MAP, next)) {
                int start = next + MAP.length();
                next = nextMarker(key, start);
                out.add(key.substring(start, next < 0 ? key.length() : next));
            } else {
                int start = next + LIST.length();
                int end = start;
                while (end < key.length() && Character.isDigit(key.charAt(end))) {
                    end++;
                }
                if (end == start || end - start > 6) {
                    throw conflict();
                }
                out.add(Integer.parseInt(key.substring(start, end)));
                next = end == key.length() ? -1 : end;
                if (next >= 0 && !key.startsWith(MAP, next) && !key.startsWith(LIST, next)) {
                    throw conflict();
                }
            }
        }
        return out;
    }

    private static int nextMarker(String key, int from) {
        int map = key.indexOf(MAP, from);
        int list = key.indexOf(LIST, from);
        if (map < 0) {
            return list;
        }
        return list < 0 ? map : Math.min(map, list);
    }

    @SuppressWarnings("unchecked")
    private static void insert(Map<String, Object> root, List<Object> path, Flat flat) throws ProblemException {
        Object container = root;
        for (int i = 0; i < path.size(); i++) {
            Object token = path.get(i);
            boolean last = i == path.size() - 1;
            Object child;
            if (token instanceof String name) {
                if (!(container instanceof Map)) {
                    throw conflict();
                }
                Map<String, Object> map = (Map<String, Object>) container;
                child = map.get(name);
                if (last) {
                    if (child != null) {
                        throw conflict();
                    }
                    map.put(name, new Leaf(flat.value(), flat.line()));
                    return;
                }
                if (child == null) {
                    child = path.get(i + 1) instanceof Integer ? new TreeMap<Integer, Object>() : new LinkedHashMap<String, Object>();
                    map.put(name, child);
                }
            } else {
                if (!(container instanceof TreeMap)) {
                    throw conflict();
                }
                TreeMap<Integer, Object> list = (TreeMap<Integer, Object>) container;
                child = list.get((Integer) token);
                if (last) {
                    if (child != null) {
                        throw conflict();
                    }
                    list.put((Integer) token, new Leaf(flat.value(), flat.line()));
                    return;
                }
                if (child == null) {
                    child = path.get(i + 1) instanceof Integer ? new TreeMap<Integer, Object>() : new LinkedHashMap<String, Object>();
                    list.put((Integer) token, child);
                }
            }
            if (child instanceof Leaf) {
                throw conflict();
            }
            container = child;
        }
    }

    /** Containers take the line of their first leaf, so a problem about a metadata entry points near it. */
    @SuppressWarnings("unchecked")
    private static SopsTree.Node toNode(Object value) {
        if (value instanceof Leaf leaf) {
            return new SopsTree.Scalar(SopsTree.Kind.STRING, leaf.value(), leaf.line());
        }
        if (value instanceof TreeMap<?, ?> list) {
            List<SopsTree.Node> children = new ArrayList<>();
            for (Object element : ((TreeMap<Integer, Object>) list).values()) {
                children.add(toNode(element));
            }
            SopsTree.Sequence seq = new SopsTree.Sequence(children.isEmpty() ? null : children.get(0).line());
            children.forEach(node -> seq.items.add(SopsTree.Item.element(node, node.line())));
            return seq;
        }
        List<SopsTree.Item> entries = new ArrayList<>();
        for (Map.Entry<String, Object> e : ((Map<String, Object>) value).entrySet()) {
            SopsTree.Node node = toNode(e.getValue());
            entries.add(SopsTree.Item.entry(e.getKey(), node, node.line()));
        }
        SopsTree.Mapping m = new SopsTree.Mapping(entries.isEmpty() ? null : entries.get(0).line());
        m.items.addAll(entries);
        return m;
    }

    private static ProblemException conflict() {
        return new ProblemException("not-parseable",
                EnvelopeValidator.NOT_AN_ENVELOPE + "flattened sops metadata keys do not form a tree", null);
    }
}
