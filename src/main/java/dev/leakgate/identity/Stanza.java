package dev.leakgate.identity;

import java.util.List;

/** One recipient stanza of an age header, as an identity sees it: type, arguments and decoded body. */
public record Stanza(String type, List<String> args, byte[] body) {
    public Stanza {
        args = List.copyOf(args);
    }
}
