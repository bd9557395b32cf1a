package dev.leakgate.cli;

import picocli.CommandLine;

/**
 * A size limit in bytes, as {@code --max-file-size} takes it: a positive whole number. Zero or a
 * negative number would skip every file (or, read as "no limit", none): a usage error, not a guess.
 */
final class ByteLimit implements CommandLine.ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
        long bytes;
        try {
            bytes = Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a whole number of bytes");
        }
        if (bytes <= 0) {
            throw new CommandLine.TypeConversionException("must be a positive number of bytes, got " + value);
        }
        return bytes;
    }
}
