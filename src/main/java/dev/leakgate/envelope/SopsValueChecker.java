package dev.leakgate.envelope;

import java.util.ArrayList;
import java.util.List;

/**
 * Walks the data of a sops document and asks, for every value and comment, whether the file's rule says it
 * must be encrypted; where it must, it has to be a well-formed ENC value (comments: ENC of type comment).
 * Paths are mapping keys only: list positions do not count, as in sops.
 */
final class SopsValueChecker {
    /** Sees every value and comment in document order, with whether the file's rule encrypts it (keyed checks). */
    interface Visitor {
        void value(SopsTree.Scalar scalar, List<String> path, boolean encrypted);

        void comment(String text, Integer line, List<String> path, boolean encrypted);
    }

    private static final Visitor NONE = new Visitor() {
        @Override
        public void value(SopsTree.Scalar scalar, List<String> path, boolean encrypted) {
        }

        @Override
        public void comment(String text, Integer line, List<String> path, boolean encrypted) {
        }
    };

    private final SopsSelection selection;
    private final Visitor visitor;
    private final List<EnvelopeProblem> problems = new ArrayList<>();
    /** Clear comments in force: one block per open mapping, reset after each key as sops does. */
    private final List<List<String>> comments = new ArrayList<>();
    /** Values sops would have something to encrypt in (not empty, not null), and how many of them it must. */
    private int values;
    private int mustBeEncrypted;

    private SopsValueChecker(SopsSelection selection, Visitor visitor) {
        this.selection = selection;
        this.visitor = visitor;
    }

    static List<EnvelopeProblem> check(List<SopsTree.Mapping> roots, SopsSelection selection) {
        return check(roots, selection, NONE);
    }

    static List<EnvelopeProblem> check(List<SopsTree.Mapping> roots, SopsSelection selection, Visitor visitor) {
        SopsValueChecker checker = new SopsValueChecker(selection, visitor);
        for (SopsTree.Mapping root : roots) {
            checker.mapping(root, List.of());
        }
        if (checker.values > 0 && checker.mustBeEncrypted == 0) {
            // sops applies the file's own rule: one that exempts every value leaves the whole file in clear,
            // and sops reads it back without a complaint. Under a secrets path that protects nothing.
            checker.problems.add(new EnvelopeProblem("exempts-all-values", "the file's own " + selection.describe()
                    + " leaves every one of its " + checker.values + " value(s) in clear: nothing in it is encrypted", null));
        }
        return checker.problems;
    }

    private void mapping(SopsTree.Mapping m, List<String> path) {
        List<String> block = new ArrayList<>();
        comments.add(block);
        for (SopsTree.Item item : m.items) {
            if (item.isComment()) {
                comment(item, path, block);
                continue;
            }
            List<String> childPath = new ArrayList<>(path);
            childPath.add(item.key());
            value(item.value(), childPath, false);
            block.clear();
        }
        comments.remove(comments.size() - 1);
    }

    private void sequence(SopsTree.Sequence s, List<String> path) {
        List<String> block = comments.isEmpty() ? new ArrayList<>() : comments.get(comments.size() - 1);
        for (SopsTree.Item item : s.items) {
            if (item.isComment()) {
                comment(item, path, block);
            } else {
                value(item.value(), path, true);
            }
        }
    }

    private void value(SopsTree.Node node, List<String> path, boolean listItem) {
        if (node instanceof SopsTree.Mapping m) {
            mapping(m, path);
        } else if (node instanceof SopsTree.Sequence s) {
            sequence(s, path);
        } else if (node instanceof SopsTree.Scalar scalar) {
            scalar(scalar, path, listItem);
        }
    }

    private void scalar(SopsTree.Scalar scalar, List<String> path, boolean listItem) {
        if (scalar.kind() == SopsTree.Kind.NULL || (scalar.kind() == SopsTree.Kind.STRING && scalar.text().isEmpty())) {
            return; // sops leaves empty strings and nulls as they are
        }
        values++;
        boolean encrypted = selection.valueMustBeEncrypted(path, comments);
        visitor.value(scalar, path, encrypted);
        if (!encrypted) {
            return;
        }
        mustBeEncrypted++;
        String where = (listItem ? "list item at " : "value at ") + SopsPaths.describe(path);
        if (scalar.kind() != SopsTree.Kind.STRING || !SopsEncValue.looksEncrypted(scalar.text())) {
            problems.add(new EnvelopeProblem("plaintext-value", "plaintext " + where, scalar.line()));
            return;
        }
        try {
            SopsEncValue.parse(scalar.text()).checkAsValue();
        } catch (SopsEncValue.Fault f) {
            problems.add(new EnvelopeProblem(f.reason, where + ": " + f.getMessage(), scalar.line()));
        }
    }

    private void comment(SopsTree.Item item, List<String> path, List<String> block) {
        String text = item.comment().strip();
        boolean encrypted = SopsEncValue.looksEncrypted(text);
        boolean mustBe = selection.commentMustBeEncrypted(path, comments, item.comment());
        visitor.comment(text, item.line(), path, mustBe);
        if (mustBe) {
            String where = "comment at " + SopsPaths.describe(path);
            if (!encrypted) {
                problems.add(new EnvelopeProblem("plaintext-comment",
                        "clear " + where + " in an encrypted position (comments are outside the MAC)", item.line()));
            } else {
                try {
                    SopsEncValue.parse(text).checkAsComment();
                } catch (SopsEncValue.Fault f) {
                    problems.add(new EnvelopeProblem(f.reason, where + ": " + f.getMessage(), item.line()));
                }
            }
        }
        if (!encrypted) {
            block.add(item.comment());
        }
    }
}
