package dev.leakgate.cli;

import dev.leakgate.report.Version;
import picocli.CommandLine;

final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"leakgate " + Version.get()};
    }
}
