package dev.leakgate.report;

import java.util.AbstractList;
import java.util.Collection;
import java.util.List;

/**
 * The names of what a run read, each once and in order, put in order when first read: only the
 * JUnit report lists them, and for an audit's 100,000 blobs the sort is a tenth of a second that
 * every other format would spend for nothing at the end of the run.
 */
final class SortedNames extends AbstractList<String> {
    private final Collection<String> names;
    private List<String> sorted;

    SortedNames(Collection<String> names) {
        this.names = names;
    }

    private List<String> sorted() {
        List<String> s = sorted;
        if (s == null) {
            s = sorted = names.stream().distinct().sorted().toList();
        }
        return s;
    }

    @Override
    public String get(int index) {
        return sorted().get(index);
    }

    @Override
    public int size() {
        return sorted().size();
    }
}
