package dev.leakgate.envelope;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.comments.CommentLine;
import org.yaml.snakeyaml.comments.CommentType;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.CollectionNode;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads the sops YAML store with SnakeYAML's composer, which keeps comments. sops reads the metadata of the
 * first document; every document's data is checked with its rule.
 *
 * <p>SnakeYAML hangs a comment on the next node, but sops (yaml.v3) counts a comment that closes a nested
 * block as part of that block. Which block a comment belongs to decides whether it must be encrypted, so
 * comments are placed again here by indentation: a comment belongs to the innermost open block whose keys
 * start at or left of the comment's column.
 */
final class SopsYamlReader {
    private static final int CODE_POINT_LIMIT = 64 * 1024 * 1024;
    /**
     * Nodes reached again through aliases. sops never writes an alias, and each alias is a copy of its anchor
     * in the tree sops builds: two aliases per level double the tree at every level, so a few hundred bytes
     * can stand for billions of nodes (SnakeYAML's cap of 50 aliases does not stop that).
     */
    static final int MAX_ALIAS_EXPANSION = 100_000;

    private SopsYamlReader() {
    }

    static SopsDocument read(byte[] bytes) throws ProblemException {
        String text = Utf8.decode(bytes, "the YAML file");
        List<Node> documents = compose(text);
        List<SopsTree.Mapping> data = new ArrayList<>();
        SopsTree.Mapping metadata = null;
        Integer metadataLine = null;
        for (int d = 0; d < documents.size(); d++) {
            Node root = documents.get(d);
            if (!(root instanceof MappingNode mapping)) {
                if (d == 0) {
                    throw new ProblemException("not-an-envelope",
                            EnvelopeValidator.NOT_AN_ENVELOPE + "the YAML top level is not a mapping", line(root));
                }
                throw new ProblemException("not-parseable",
                        EnvelopeValidator.NOT_AN_ENVELOPE + "YAML document " + (d + 1) + " is not a mapping", line(root));
            }
            SopsTree.Mapping tree = new DocumentBuilder().build(mapping);
            SopsTree.Item sops = tree.entry("sops");
            if (d == 0 && sops != null && sops.value() instanceof SopsTree.Mapping m) {
                metadata = m;
                metadataLine = sops.line();
            }
            tree.remove("sops");
            data.add(tree);
        }
        return new SopsDocument(data, metadata, metadataLine);
    }

    private static List<Node> compose(String text) throws ProblemException {
        LoaderOptions options = new LoaderOptions();
        options.setProcessComments(true);
        options.setCodePointLimit(CODE_POINT_LIMIT);
        List<Node> documents = new ArrayList<>();
        try {
            for (Node node : new Yaml(options).composeAll(new StringReader(text))) {
                if (node != null) {
                    documents.add(node);
                }
            }
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            Integer at = mark == null ? null : mark.getLine() + 1;
            throw new ProblemException("not-parseable",
                    EnvelopeValidator.NOT_AN_ENVELOPE + "YAML does not parse" + (at == null ? "" : " (line " + at + ")"), at);
        } catch (YAMLException | ClassCastException | IllegalStateException e) {
            // SnakeYAML's comment handling can trip over its own casts on malformed input; it is still bad YAML.
            throw new ProblemException("not-parseable", EnvelopeValidator.NOT_AN_ENVELOPE + "YAML does not parse", null);
        }
        return documents;
    }

    private static Integer line(Node node) {
        return node.getStartMark() == null ? null : node.getStartMark().getLine() + 1;
    }

    private static int column(Node node) {
        return node.getStartMark() == null ? 0 : node.getStartMark().getColumn();
    }

    /** Converts one document and places its comments. */
    private static final class DocumentBuilder {
        /** A block in the document: where its items start, and the block around it. */
        private record Place(SopsTree.Container container, Place parent, int column) {
        }

        /** A mapping key, with the block it is in and the block its value opens on the following lines. */
        private record Key(int line, int column, Place owner, Place value) {
        }

        private final List<Key> keys = new ArrayList<>();
        private final List<CommentLine> comments = new ArrayList<>();
        private final Set<CommentLine> seenComments = Collections.newSetFromMap(new IdentityHashMap<>());
        private final Set<Node> inProgress = Collections.newSetFromMap(new IdentityHashMap<>());
        private final Set<Node> converted = Collections.newSetFromMap(new IdentityHashMap<>());
        private int expanded;
        private final Map<SopsTree.Node, Place> places = new IdentityHashMap<>();
        private Place root;

        SopsTree.Mapping build(MappingNode rootNode) throws ProblemException {
            SopsTree.Mapping tree = (SopsTree.Mapping) convert(rootNode, null);
            root = places.get(tree);
            keys.sort(Comparator.comparingInt(Key::line).thenComparingInt(Key::column));
            for (CommentLine comment : comments) {
                if (comment.getCommentType() == CommentType.BLANK_LINE) {
                    continue;
                }
                int commentLine = comment.getStartMark().getLine() + 1;
                place(comment, commentLine).container().insertComment(comment.getValue(), commentLine);
            }
            return tree;
        }

        private SopsTree.Node convert(Node node, Place parent) throws ProblemException {
            collectComments(node);
            if (!inProgress.add(node)) {
                throw new ProblemException("not-parseable", EnvelopeValidator.NOT_AN_ENVELOPE + "recursive YAML alias", line(node));
            }
            if (!converted.add(node) && ++expanded > MAX_ALIAS_EXPANSION) {
                inProgress.clear();
                throw new ProblemException("not-parseable", EnvelopeValidator.NOT_AN_ENVELOPE
                        + "YAML aliases expand to more than " + MAX_ALIAS_EXPANSION + " nodes (an alias bomb)", null);
            }
            try {
                if (node instanceof MappingNode mapping) {
                    return mapping(mapping, parent);
                }
                if (node instanceof SequenceNode sequence) {
                    SopsTree.Sequence seq = new SopsTree.Sequence(line(node));
                    Place place = new Place(seq, parent, column(node));
                    places.put(seq, place);
                    for (Node element : sequence.getValue()) {
                        seq.items.add(SopsTree.Item.element(convert(element, place), line(element)));
                    }
                    return seq;
                }
                ScalarNode scalar = (ScalarNode) node;
                return new SopsTree.Scalar(kind(scalar), scalar.getValue(), line(node),
                        scalar.isPlain() ? SopsTree.Typing.YAML_PLAIN : SopsTree.Typing.TEXT);
            } finally {
                inProgress.remove(node);
            }
        }

        private SopsTree.Mapping mapping(MappingNode node, Place parent) throws ProblemException {
            SopsTree.Mapping m = new SopsTree.Mapping(line(node));
            List<NodeTuple> tuples = node.getValue();
            Place place = new Place(m, parent, tuples.isEmpty() ? column(node) : column(tuples.get(0).getKeyNode()));
            places.put(m, place);
            Map<String, Integer> seenKeys = new java.util.HashMap<>();
            for (NodeTuple tuple : tuples) {
                Node keyNode = tuple.getKeyNode();
                collectComments(keyNode);
                String key = keyNode instanceof ScalarNode s ? s.getValue() : "?";
                if (keyNode instanceof ScalarNode && !Tag.MERGE.equals(keyNode.getTag())) {
                    if (seenKeys.containsKey(key)) {
                        throw SopsTree.duplicateKey(key, seenKeys.get(key), line(keyNode));
                    }
                    seenKeys.put(key, line(keyNode));
                }
                Node valueNode = tuple.getValueNode();
                SopsTree.Node value = convert(valueNode, place);
                Place valuePlace = null;
                if (valueNode instanceof CollectionNode<?> c && c.getFlowStyle() != DumperOptions.FlowStyle.FLOW
                        && line(valueNode) != null && line(keyNode) != null && line(valueNode) > line(keyNode)) {
                    valuePlace = places.get(value);
                }
                keys.add(new Key(line(keyNode), column(keyNode), place, valuePlace));
                m.items.add(SopsTree.Item.entry(key, value, line(keyNode)));
            }
            return m;
        }

        private static SopsTree.Kind kind(ScalarNode scalar) {
            Tag tag = scalar.getTag();
            if (Tag.NULL.equals(tag)) {
                return SopsTree.Kind.NULL;
            }
            return Tag.STR.equals(tag) ? SopsTree.Kind.STRING : SopsTree.Kind.OTHER;
        }

        private void collectComments(Node node) {
            for (List<CommentLine> list : List.of(orEmpty(node.getBlockComments()), orEmpty(node.getInLineComments()),
                    orEmpty(node.getEndComments()))) {
                for (CommentLine c : list) {
                    if (seenComments.add(c)) {
                        comments.add(c);
                    }
                }
            }
        }

        private static List<CommentLine> orEmpty(List<CommentLine> list) {
            return list == null ? List.of() : list;
        }

        private Place place(CommentLine comment, int commentLine) {
            int column = comment.getStartMark().getColumn();
            if (comment.getCommentType() == CommentType.IN_LINE) {
                Key onLine = null;
                for (Key k : keys) {
                    if (k.line() == commentLine) {
                        onLine = k;
                    }
                }
                if (onLine != null) {
                    return onLine.owner();
                }
            }
            Key prev = null;
            for (Key k : keys) {
                if (k.line() < commentLine) {
                    prev = k;
                }
            }
            if (prev == null) {
                return root;
            }
            Place value = prev.value();
            if (value != null && column >= value.column()
                    && (value.column() > prev.owner().column() || hasItemAfter(value.container(), commentLine))) {
                return value;
            }
            for (Place p = prev.owner(); p != null; p = p.parent()) {
                if (p.column() <= column) {
                    return p;
                }
            }
            return root;
        }

        private static boolean hasItemAfter(SopsTree.Container container, int line) {
            return container.items.stream().anyMatch(i -> i.line() != null && i.line() > line);
        }
    }
}
