package dev.leakgate.envelope;

import java.util.List;

/**
 * One recipient stanza of an age header.
 *
 * @param number 1-based position in the header, used in messages
 * @param line   1-based header line of the {@code ->} line
 * @param args   the arguments after the type
 */
record AgeStanza(int number, int line, String type, List<String> args, byte[] body) {
}
