package dev.leakgate.envelope;

import java.util.ArrayList;
import java.util.List;

/**
 * The shape of a sops document that the rules need, whatever store it came from: mappings and sequences
 * in document order, with comments kept as items where they stand, and scalars reduced to their kind.
 * Scalar text is kept only to parse ENC values and metadata; it never goes into a message.
 */
final class SopsTree {
    private SopsTree() {
    }

    /**
     * Two entries under one key. yaml.v3 (sops' YAML reader) refuses the file; Go's JSON reader keeps the
     * last copy for the metadata but both in the data. Which copy a reader believes decides what is checked,
     * so a gate that believed another copy than sops could pass what sops uses: the file is refused instead.
     */
    static ProblemException duplicateKey(String key, Integer first, Integer again) {
        return new ProblemException("duplicate-key", "key " + SopsPaths.printable(key) + " appears twice in one mapping"
                + (first == null || again == null ? "" : " (lines " + first + " and " + again + ")")
                + ": which copy counts is up to the reader, so what is checked may not be what sops uses", again);
    }

    sealed interface Node permits Mapping, Sequence, Scalar {
        Integer line();
    }

    enum Kind {
        /** A string; only strings can hold {@code ENC[...]}. */
        STRING,
        /** A null, which sops leaves as it is. */
        NULL,
        /** A number, boolean, timestamp...: never encrypted form, so clear wherever it stands. */
        OTHER
    }

    /** How the store's Go reader types a scalar, which decides the bytes sops puts into the MAC for it. */
    enum Typing {
        /** Always a string (dotenv, INI, quoted YAML, JSON strings). */
        TEXT,
        /** A plain YAML scalar: yaml.v3 resolves it to null, bool, int, float or string. */
        YAML_PLAIN,
        /** A JSON literal: true, false or a number (a whole number is an int for sops). */
        JSON_LITERAL
    }

    record Scalar(Kind kind, String text, Integer line, Typing typing) implements Node {
        Scalar(Kind kind, String text, Integer line) {
            this(kind, text, line, Typing.TEXT);
        }
    }

    /**
     * A mapping entry (key set), a sequence element (key null) or a comment (comment set, value null).
     *
     * @param comment the comment text after its marker ({@code #} or {@code ;})
     */
    record Item(String key, Node value, String comment, Integer line) {
        static Item entry(String key, Node value, Integer line) {
            return new Item(key, value, null, line);
        }

        static Item element(Node value, Integer line) {
            return new Item(null, value, null, line);
        }

        static Item comment(String text, Integer line) {
            return new Item(null, null, text, line);
        }

        boolean isComment() {
            return comment != null;
        }
    }

    abstract static sealed class Container permits Mapping, Sequence {
        final List<Item> items = new ArrayList<>();
        private final Integer line;

        Container(Integer line) {
            this.line = line;
        }

        public Integer line() {
            return line;
        }

        /** Puts a comment before the first item that starts on a later line, keeping document order. */
        void insertComment(String text, Integer commentLine) {
            int at = items.size();
            for (int i = 0; i < items.size(); i++) {
                Integer l = items.get(i).line();
                if (l != null && commentLine != null && l > commentLine) {
                    at = i;
                    break;
                }
            }
            items.add(at, Item.comment(text, commentLine));
        }
    }

    static final class Mapping extends Container implements Node {
        Mapping(Integer line) {
            super(line);
        }

        /** The first entry under {@code key}, or null. */
        Item entry(String key) {
            for (Item item : items) {
                if (!item.isComment() && key.equals(item.key())) {
                    return item;
                }
            }
            return null;
        }

        Node get(String key) {
            Item item = entry(key);
            return item == null ? null : item.value();
        }

        void remove(String key) {
            items.removeIf(item -> !item.isComment() && key.equals(item.key()));
        }
    }

    static final class Sequence extends Container implements Node {
        Sequence(Integer line) {
            super(line);
        }
    }
}
